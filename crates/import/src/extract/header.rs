//! Column headers and field labels in English, German, French, Italian, Polish, Spanish and
//! Dutch, mapped to the columns of an imported row.

use crate::fold::{Folded, Phrases, parse_table};
use std::sync::LazyLock;

/// What a column (or a label) holds. `Description` is free text about the subprocessor: it is
/// searched for a country or mechanism the other columns do not give, and read as the service
/// when no column says the service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Column {
    Name,
    Address,
    Country,
    Service,
    Location,
    Mechanism,
    Certifications,
    /// Whether a processing agreement is in place ("DPA: signed", a link to it).
    Agreement,
    /// In a file listing several vendors' subprocessors, the vendor each row belongs to.
    Vendor,
    Description,
}

/// Header phrases, folded; a word ending in `*` matches any word starting so. The order of
/// the lines is the order of precedence when a header names two things: "Country of
/// processing" is a location, "Name and address" a name (the address is split from the cell),
/// "Service provider" a name, "Country of registration" ("Kraj siedziby"), "Entity country" or
/// "Country/Region" a country: they name the country the recipient is in.
const HEADERS: &str = "
mechanism | transfer mechanism*; mechanism*; safeguard*; legal basis for transfer*; transfer basis; basis for transfer; transfer tool*; legal cover; copertura legale; legal basis; garanti*; garanzi*; geeignete garantien; ubermittlungsgrundlage; grundlage der ubermittlung; rechtsgrundlage; drittlandtransfer; transfer; transfers; transfermechanism*; ubermittlung; ubermittlungsmechanism*; ubermittlungsinstrument*; datentransfer*; trasferimento; transfert*; transferencia*; doorgifte*; przekazywani*; transfer danych; zabezpieczeni*; podstawa transferu; podstawa przekazania; podstawa przekazywania; podstawa prawna; mechanizm*; mecanismo*; mecanisme*; meccanism*; waarborg*; base giuridica; base juridique; base legal; rechtsgrond
agreement | dpa; dpas; dpa status; status dpa; dpa signed; dpa link; avv; av vertrag; auftragsverarbeitungsvertrag; umowa powierzenia; contrat de sous traitance; accord de sous traitance; accordo sul trattamento; contrato de encargo; verwerkersovereenkomst
certifications | certification*; certificat*; zertifi*; certyfikat*; certificazion*; certificacion*; certificering*
seat country | country region; country or region; entity country; company country; vendor country; provider country; supplier country; kraj siedziby; panstwo siedziby; kraj rejestracji; country of incorporation; country of registration; country of establishment; country of domicile; registered country; headquarters country; land des sitzes; land des firmensitzes; pays du siege; pays d etablissement; pays d immatriculation; paese della sede; paese di stabilimento; pais de la sede; pais de domicilio; land van vestiging; vestigingsland
location | location*; processing location; data location; server location; hosting location; area; region; where; standort*; serverstandort; verarbeitungsort; ort der verarbeitung; lokalizacj*; miejsce przetwarzania; obszar; luogo; ubicazion*; localizzazion*; lieu*; localisation; ubicacion; localizacion; locatie; country of processing; processing country; countries of processing; land der verarbeitung; kraj przetwarzania; paese di trattamento; pays de traitement; pais de tratamiento; data center; rechenzentrum
name | name; company; company name; subcontractor*; sub contractor*; contractor*; entity; legal entity; entity name; subprocessor*; sub processor*; vendor; provider; supplier; processor; recipient*; third party; partner; firma; firmenname; unternehmen; unterauftragsverarbeiter; unterauftragnehmer; subunternehmer; nachunternehmer; auftragsverarbeiter; dienstleister; anbieter; empfanger; nazwa; nazwa podmiotu; podmiot*; podprocesor*; podprzetwarzajac*; dostawc*; odbiorc*; ragione sociale; denominazione; societa; azienda; fornitor*; sub responsabil*; subresponsabil*; responsabile; nom; raison sociale; societe; sous traitant*; prestataire*; entite; fournisseur*; destinataire*; nombre; razon social; empresa; entidad; subencargad*; encargad*; proveedor*; naam; bedrijf*; bedrijfsnaam; subverwerker*; verwerker*; leverancier*; partij
address | address*; registered office; registered address; seat; headquarters; anschrift; adresse; sitz; firmensitz; adres*; siedzib*; indirizz*; sede; sede legale; direccion; domicilio; vestigingsadres
country | country; countries; land; lander; staat; kraj; panstwo; paese; nazione; pays; pais; sitzland
service | service*; purpose*; activit*; processing activit*; nature of processing; scope; function; subject matter; type of processing; used for; leistung*; dienst*; dienstleistung*; zweck*; tatigkeit*; gegenstand; art der verarbeitung; uslug*; cel; celu; zakres; czynnosc*; rodzaj przetwarzania; servizi*; servizio; finalita; attivita; oggetto; tipo di trattamento; prestation*; finalite*; activite*; objet; servicio*; finalidad*; actividad*; objeto; diensten; doel*; activiteit*; soort verwerking
description | description*; beschreibung; opis; descrizione; descripcion; omschrijving; notes; note; comment*; remarks; details; anmerkung*; uwagi; remarques; notas; opmerking*
";

static TABLE: LazyLock<Vec<(Column, Phrases)>> = LazyLock::new(|| {
    parse_table(HEADERS)
        .into_iter()
        .map(|(key, phrases)| {
            let column = match key.as_str() {
                "mechanism" => Column::Mechanism,
                "certifications" => Column::Certifications,
                "agreement" => Column::Agreement,
                "location" => Column::Location,
                "name" => Column::Name,
                "address" => Column::Address,
                "country" | "seat country" => Column::Country,
                "service" => Column::Service,
                _ => Column::Description,
            };
            (column, phrases)
        })
        .collect()
});

/// The column a header cell names. Only short cells count: a data cell that happens to say
/// "service" is a sentence, not a header, and one with a legal form is a company ("Amazon Web
/// Services, Inc.").
pub(super) fn column(cell: &str) -> Option<Column> {
    let cell = cell.trim().trim_end_matches(':').trim();
    let words = cell.split_whitespace().count();
    if words == 0 || words > 7 || cell.chars().filter(char::is_ascii_digit).count() > 2 {
        return None;
    }
    if super::names::legal_form_end(cell).is_some() {
        return None;
    }
    let folded = Folded::new(cell);
    TABLE
        .iter()
        .find(|(_, phrases)| phrases.first(cell, &folded).is_some())
        .map(|(column, _)| *column)
}

/// Whether a header names the subprocessor itself rather than a party in general ("Company",
/// "Vendor"): a file listing several vendors' subprocessors has both.
pub(super) fn names_subprocessor(cell: &str) -> bool {
    static SUB: LazyLock<Vec<(String, Phrases)>> = LazyLock::new(|| {
        parse_table(
            "sub | subprocessor*; sub processor*; subcontractor*; sub contractor*; unterauftragsverarbeiter*; unterauftragnehmer*; sous traitant*; sub responsabil*; subresponsabil*; subencargad*; podprocesor*; podprzetwarzajac*; podmiot* przetwarzajac*; subverwerker*",
        )
    });
    SUB.iter()
        .any(|(_, phrases)| phrases.first(cell, &Folded::new(cell)).is_some())
}

/// The columns of a header row, or `None` when the row does not read as one: at least two
/// cells must be headers, one of them naming the subprocessor, or three without it.
pub(super) fn header_row(cells: &[String]) -> Option<Vec<Option<Column>>> {
    let columns: Vec<Option<Column>> = cells.iter().map(|c| column(c)).collect();
    let known = columns.iter().flatten().count();
    let has_name = columns.contains(&Some(Column::Name));
    let filled = cells.iter().filter(|c| !c.trim().is_empty()).count();
    // Most filled cells must be headers, so a data row with one "Hosting" cell is not one.
    let mostly = known * 3 >= filled * 2;
    ((has_name && known >= 2 || known >= 3) && mostly).then_some(columns)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_in_every_language() {
        let cases = [
            ("Subprocessor", Column::Name),
            ("Unterauftragsverarbeiter", Column::Name),
            ("Unterauftragnehmer", Column::Name),
            ("Nazwa podmiotu", Column::Name),
            ("Ragione sociale", Column::Name),
            ("Sous-traitant", Column::Name),
            ("Nombre", Column::Name),
            ("Naam", Column::Name),
            ("Azienda, indirizzo", Column::Name),
            ("Service provider", Column::Name),
            ("Anschrift", Column::Address),
            ("Siedziba", Column::Address),
            ("Country", Column::Country),
            ("Kraj siedziby", Column::Country),
            ("Country of incorporation", Column::Country),
            ("Entity Country", Column::Country),
            ("Country/Region", Column::Country),
            ("Podstawa przekazania", Column::Mechanism),
            ("Doorgiftemechanisme", Column::Mechanism),
            ("Übermittlungsmechanismus", Column::Mechanism),
            ("Land", Column::Country),
            ("Kraj", Column::Country),
            ("Country of processing", Column::Location),
            ("Area", Column::Location),
            ("Standort", Column::Location),
            ("Scope of Entrustment", Column::Service),
            ("Zweck", Column::Service),
            ("Finalità", Column::Service),
            ("Transfer mechanism", Column::Mechanism),
            ("Geeignete Garantien", Column::Mechanism),
            ("Copertura legale", Column::Mechanism),
            ("Certifications", Column::Certifications),
            ("Description", Column::Description),
        ];
        for (cell, expected) in cases {
            assert_eq!(column(cell), Some(expected), "{cell}");
        }
        assert_eq!(column("Hetzner Online GmbH"), None);
        assert_eq!(column("Amazon Web Services, Inc."), None);
    }

    #[test]
    fn header_rows_need_a_name_or_three_headers() {
        let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        assert!(header_row(&row(&["Name", "Country", "Purpose"])).is_some());
        assert!(header_row(&row(&["Google LLC", "US", "Hosting"])).is_none());
    }
}
