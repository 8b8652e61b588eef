/*
 * The floor for Warta's throughput: read each document, convert it to UTF-16 and run ICU's word break
 * iterator over it, nothing else. scripts/bench times this against `warta extract` on the same files.
 *
 * usage: icu_wordbreak FILE_LIST      (one path a line)
 * prints: documents bytes tokens
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: icu_wordbreak FILE_LIST\n"); return 2; }
    FILE *list = fopen(argv[1], "r");
    if (!list) { perror(argv[1]); return 1; }
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *words = ubrk_open(UBRK_WORD, "id", NULL, 0, &status);
    if (U_FAILURE(status)) { fprintf(stderr, "ubrk_open: %s\n", u_errorName(status)); return 1; }
    char path[4096];
    char *bytes = NULL; size_t bytesCap = 0;
    UChar *units = NULL; int32_t unitsCap = 0;
    long documents = 0, total = 0, tokens = 0;
    while (fgets(path, sizeof path, list)) {
        path[strcspn(path, "\n")] = 0;
        FILE *f = fopen(path, "rb");
        if (!f) { perror(path); continue; }
        fseek(f, 0, SEEK_END); long size = ftell(f); fseek(f, 0, SEEK_SET);
        if ((size_t)size + 1 > bytesCap) { bytesCap = size + 1; bytes = realloc(bytes, bytesCap); }
        size_t n = fread(bytes, 1, size, f);
        fclose(f);
        if ((int32_t)n + 1 > unitsCap) { unitsCap = n + 1; units = realloc(units, unitsCap * sizeof(UChar)); }
        int32_t length = 0;
        status = U_ZERO_ERROR;
        u_strFromUTF8(units, unitsCap, &length, bytes, (int32_t)n, &status);
        if (U_FAILURE(status)) { fprintf(stderr, "%s: %s\n", path, u_errorName(status)); continue; }
        ubrk_setText(words, units, length, &status);
        for (int32_t b = ubrk_first(words); b != UBRK_DONE; b = ubrk_next(words)) tokens++;
        documents++; total += n;
    }
    printf("%ld %ld %ld\n", documents, total, tokens);
    ubrk_close(words);
    free(bytes); free(units); fclose(list);
    return 0;
}
