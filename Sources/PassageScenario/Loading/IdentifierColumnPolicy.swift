// Passage holds lists of people that someone wants to hurt: a scenario must never carry direct
// identifiers. A column that looks like one is refused by name, in every table, before anything else,
// so the coordinator learns why (not merely that the column is unknown).

/// Recognises column names that look like direct personal identifiers.
enum IdentifierColumnPolicy {
    /// Normalised names (lower case, no spaces, hyphens or underscores) that are refused.
    ///
    /// The brief's list, plus a few obvious variants (given/family/middle name, phone/mobile number,
    /// email address, home/postal address, birthday, national ID / passport / tax numbers).
    static let refusedNames: Set<String> = [
        "name", "fullname", "firstname", "lastname", "surname", "givenname", "familyname", "middlename",
        "phone", "telephone", "mobile", "phonenumber", "mobilenumber", "telephonenumber",
        "email", "emailaddress",
        "address", "street", "homeaddress", "postaladdress",
        "passportnumber", "passportno",
        "dateofbirth", "dob", "birthdate", "birthday",
        "nationalidnumber", "idnumber", "taxnumber",
    ]

    /// `header` lower-cased with spaces, hyphens and underscores removed.
    static func normalise(_ header: String) -> String {
        String(header.lowercased().unicodeScalars.filter { $0 != " " && $0 != "-" && $0 != "_" })
    }

    /// Whether a column called `header` looks like a direct personal identifier.
    static func isIdentifierLike(_ header: String) -> Bool {
        refusedNames.contains(normalise(header))
    }

    /// The message for a refused column (the column name is the coordinator's own header, not data).
    static func message(for header: String) -> String {
        "column \"\(header)\" looks like a direct personal identifier and is refused: "
            + "Passage keeps pseudonymous ids only; remove the column (keep such details outside Passage)"
    }
}
