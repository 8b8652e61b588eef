// ICU renames every C function with a version suffix through macros (ubrk_open -> ubrk_open_72) that Swift
// cannot import. These inline wrappers give Swift stable names and keep Warta independent of the ICU version.
#ifndef WARTA_CICU_SHIM_H
#define WARTA_CICU_SHIM_H

#include <unicode/utypes.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>

static inline UBreakIterator *warta_ubrk_open(UBreakIteratorType type, const char *locale, UErrorCode *status) {
    return ubrk_open(type, locale, NULL, 0, status);
}
static inline UBreakIterator *warta_ubrk_clone(const UBreakIterator *bi, UErrorCode *status) {
    return ubrk_clone(bi, status);
}
static inline void warta_ubrk_close(UBreakIterator *bi) { ubrk_close(bi); }
static inline void warta_ubrk_setText(UBreakIterator *bi, const UChar *text, int32_t length, UErrorCode *status) {
    ubrk_setText(bi, text, length, status);
}
static inline int32_t warta_ubrk_first(UBreakIterator *bi) { return ubrk_first(bi); }
static inline int32_t warta_ubrk_next(UBreakIterator *bi) { return ubrk_next(bi); }
static inline int32_t warta_ubrk_getRuleStatus(UBreakIterator *bi) { return ubrk_getRuleStatus(bi); }
static inline int32_t warta_ubrk_done(void) { return UBRK_DONE; }

static inline const UNormalizer2 *warta_nfc(UErrorCode *status) { return unorm2_getNFCInstance(status); }
static inline UBool warta_unorm2_isNormalized(const UNormalizer2 *n, const UChar *s, int32_t length, UErrorCode *status) {
    return unorm2_isNormalized(n, s, length, status);
}
static inline int32_t warta_unorm2_normalize(const UNormalizer2 *n, const UChar *src, int32_t length,
                                             UChar *dest, int32_t capacity, UErrorCode *status) {
    return unorm2_normalize(n, src, length, dest, capacity, status);
}
static inline UChar *warta_u_strFromUTF8(UChar *dest, int32_t capacity, int32_t *length, const char *src,
                                          int32_t srcLength, UErrorCode *status) {
    return u_strFromUTF8(dest, capacity, length, src, srcLength, status);
}
static inline const char *warta_u_errorName(UErrorCode code) { return u_errorName(code); }
static inline void warta_u_getVersion(UVersionInfo info) { u_getVersion(info); }

#endif
