import Testing
@testable import Warta

/// The organizations extractor beyond its rule examples: acronyms a document defines, regional offices, party
/// organs, the tagger's readings, and what is not an organization.
struct OrganizationTests {
    private func organizations(_ text: String) -> [Organization] { warta.extract(text).organizations }

    @Test func aLongFormWithItsAcronymIsOneMentionAndTheAcronymLinksLater() {
        let found = organizations("Badan Pengawas Obat dan Makanan (BPOM) menarik produk itu. BPOM juga memeriksa pabriknya.")
        #expect(found.map(\.span.text) == ["Badan Pengawas Obat dan Makanan (BPOM)", "BPOM"])
        #expect(Set(found.map(\.name)) == ["Badan Pengawas Obat dan Makanan"])
        #expect(found.map(\.short) == ["BPOM", "BPOM"])
    }

    @Test func aRegionalOfficeWrittenWithItsBodyHasThatBodyAsParent() {
        let found = organizations("Kanwil Ditjenpas Jateng dan Kantor Wilayah Direktorat Jenderal Imigrasi Jawa Tengah berkoordinasi.")
        #expect(found.map(\.name) == ["Kantor Wilayah Direktorat Jenderal Pemasyarakatan Jawa Tengah",
                                      "Kantor Wilayah Direktorat Jenderal Imigrasi Jawa Tengah"])
        #expect(found.map(\.parent) == ["Direktorat Jenderal Pemasyarakatan", "Direktorat Jenderal Imigrasi"])
        #expect(found.map(\.short) == ["Kanwil Ditjenpas Jateng", "Kanwil Ditjenim Jawa Tengah"])
    }

    @Test func aPartysOrganNamesTheParty() {
        let found = organizations("Fraksi Partai Demokrat dan DPP Partai Golkar menolak usulan itu.")
        #expect(found.map(\.span.text) == ["Partai Demokrat", "Partai Golkar"])
        #expect(found.map(\.kind) == [.party, .party])
    }

    @Test func aBodyNamedAsPartOfAPlaceIsThatPlace() {
        let text = "Kata Budi Santoso di Gedung DPR, lalu di kantor KPK dan Rumah Sakit Pusat Pertamina. DPR menolak."
        let document = warta.extract(text)
        #expect(document.organizations.map(\.span.text) == ["DPR"])
        #expect(document.organizations.map(\.span.start) == [text.unicodeScalars.count - "DPR menolak.".count])
        #expect(document.persons.map(\.name) == ["Budi Santoso"])
    }

    @Test func aUnitWrittenWithItsBodyIsTwoMentionsAndANumberedOneIsTheBodys() {
        let found = organizations("Dekan Fakultas Kehutanan UGM, anggota Komisi III DPR RI dan Komisi Kode Etik Polri Polda Jawa Barat hadir.")
        #expect(found.map(\.span.text) == ["Fakultas Kehutanan", "UGM", "DPR RI", "Komisi Kode Etik", "Polri", "Polda Jawa Barat"])
        #expect(found.map(\.parent) == ["Universitas Gadjah Mada", nil, nil, "Kepolisian Negara Republik Indonesia",
                                        nil, "Kepolisian Negara Republik Indonesia"])
        #expect(found.map(\.kind) == [.university, .university, .legislature, .police, .police, .police])
        // A head with nothing of its own before the body stays one mention.
        #expect(organizations("Kunjungan PB HMI ke kantor menteri.").map(\.span.text) == ["PB HMI"])
        #expect(organizations("Anggota Komisi X menyetujui.").isEmpty)
    }

    @Test func aCountOfBodiesNamesNoneButAUnitsNumberDoes() {
        #expect(organizations("Sebanyak 31 DPD menyetujui usulan itu.").isEmpty)
        #expect(organizations("Prajurit Grup 2 Kopassus hadir.").map(\.name) == ["Komando Pasukan Khusus"])
    }

    @Test func aFamilyHeadAloneIsNoBodyUnlessAnAcronym() {
        let found = organizations("Direksi PT Maju Jaya hadir. Pengurus CV tersebut datang ke Bank, lalu ke DPRD dan KBRI.")
        #expect(!found.contains { ["PT", "CV", "Bank"].contains($0.span.text) })
    }

    @Test func fieldOfficesStayOffices() {
        let document = warta.extract("Lapas Kelas IIA Salemba dan Kantor Imigrasi Kelas I TPI Bengkulu menggelar apel.")
        #expect(document.offices.count == 2)
        #expect(document.organizations.isEmpty)
    }

    @Test func namesMarkWhereABodyEndsAndAPersonBegins() {
        let document = warta.extract("Ketua Umum Partai Golkar Bahlil Lahadalia dan Kepala BPOM Taruna Ikrar hadir.")
        #expect(document.organizations.map(\.span.text) == ["Partai Golkar", "BPOM"])
        #expect(document.persons.map(\.name) == ["Bahlil Lahadalia", "Taruna Ikrar"])
        #expect(document.persons.map(\.positions) == [["Ketua Umum Partai Golkar"], ["Kepala BPOM"]])
    }

    @Test func aForeignBodyNamedLikeAnIndonesianOneIsNotIt() {
        #expect(organizations("Kementerian Pertahanan Rusia menyatakan latihan itu rutin.").allSatisfy { $0.name != "Kementerian Pertahanan" })
    }

    /// The tagger's reading of an organization never overlaps a person the rules read, and keeps to its capitals.
    @Test func theTaggersReadingsYieldToPersonsAndKeepToCapitals() {
        let document = warta.extract("Himpunan Mahasiswa Islam (HMI) menggelar kongres. Ketua HMI, Budi Santoso, hadir.")
        #expect(document.organizations.map(\.span.text) == ["Himpunan Mahasiswa Islam (HMI)", "HMI"])
        #expect(document.persons.map(\.name) == ["Budi Santoso"])
    }
}
