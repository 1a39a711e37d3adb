//! The kinds of line a genogram draws: partnerships, children's links and emotional
//! relationships, with their plain-English labels and form codes.

coded_enum!(
    /// How two partners are or were together.
    PartnershipKind {
        Married => ("married", "Married"),
        CivilPartnership => ("civilPartnership", "Civil partnership"),
        Cohabiting => ("cohabiting", "Living together"),
        Engaged => ("engaged", "Engaged"),
        Separated => ("separated", "Separated"),
        Divorced => ("divorced", "Divorced"),
        ShortTerm => ("shortTerm", "Short-term relationship"),
    }
);

coded_enum!(
    /// How a child is connected to the parent or parents they hang from.
    ChildKind {
        Birth => ("birth", "Birth child"),
        Adopted => ("adopted", "Adopted"),
        Fostered => ("fostered", "Fostered"),
        Step => ("step", "Stepchild"),
        SpecialGuardianship => ("specialGuardianship", "Special guardianship"),
        Kinship => ("kinship", "Kinship care"),
    }
);

coded_enum!(
    /// How two people get on.
    EmotionalKind {
        Close => ("close", "Close"),
        VeryClose => ("veryClose", "Very close"),
        Distant => ("distant", "Distant"),
        Conflict => ("conflict", "Conflict"),
        Hostile => ("hostile", "Hostile"),
        Violence => ("violence", "Violence"),
        Abuse => ("abuse", "Abuse"),
        CutOff => ("cutOff", "Cut off"),
        Fused => ("fused", "Fused"),
    }
);

impl PartnershipKind {
    /// Whether the partnership has ended (drawn with slashes).
    pub fn ended(self) -> bool {
        matches!(self, PartnershipKind::Separated | PartnershipKind::Divorced)
    }
}
