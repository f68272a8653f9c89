//! United Nations peace operations, known by their acronym. Resolutions spell a mission's
//! name in more than one way (the Security Council's "United Nations Mission in the Republic
//! of South Sudan", the mission's own "United Nations Mission in South Sudan"); each is
//! recorded under the one name the mission uses for itself, so that the finder lists one
//! addressee for every text that asks it to act.

/// (acronym, the name the mission uses, other names resolutions give it).
const MISSIONS: [(&str, &str, &[&str]); 18] = [
    (
        "UNMISS",
        "United Nations Mission in South Sudan",
        &["United Nations Mission in the Republic of South Sudan"],
    ),
    (
        "MONUSCO",
        "United Nations Organization Stabilization Mission in the Democratic Republic of the Congo",
        &[],
    ),
    (
        "MINUSCA",
        "United Nations Multidimensional Integrated Stabilization Mission in the Central African Republic",
        &[],
    ),
    (
        "MINUSMA",
        "United Nations Multidimensional Integrated Stabilization Mission in Mali",
        &[],
    ),
    ("UNIFIL", "United Nations Interim Force in Lebanon", &[]),
    (
        "UNFICYP",
        "United Nations Peacekeeping Force in Cyprus",
        &[],
    ),
    ("UNDOF", "United Nations Disengagement Observer Force", &[]),
    (
        "UNISFA",
        "United Nations Interim Security Force for Abyei",
        &[],
    ),
    (
        "UNMIK",
        "United Nations Interim Administration Mission in Kosovo",
        &[],
    ),
    (
        "MINURSO",
        "United Nations Mission for the Referendum in Western Sahara",
        &[],
    ),
    (
        "UNTSO",
        "United Nations Truce Supervision Organization",
        &[],
    ),
    (
        "UNMOGIP",
        "United Nations Military Observer Group in India and Pakistan",
        &[],
    ),
    (
        "UNAMA",
        "United Nations Assistance Mission in Afghanistan",
        &[],
    ),
    ("UNAMI", "United Nations Assistance Mission for Iraq", &[]),
    ("UNSMIL", "United Nations Support Mission in Libya", &[]),
    ("BINUH", "United Nations Integrated Office in Haiti", &[]),
    (
        "UNMHA",
        "United Nations Mission to Support the Hodeidah Agreement",
        &[],
    ),
    (
        "UNVMC",
        "United Nations Verification Mission in Colombia",
        &[],
    ),
];

/// The name a mission uses for itself, for its acronym or any of its names.
pub fn mission_name(chain: &str) -> Option<&'static str> {
    MISSIONS
        .iter()
        .find(|(acronym, name, others)| {
            *acronym == chain || *name == chain || others.contains(&chain)
        })
        .map(|(_, name, _)| *name)
}

#[cfg(test)]
mod tests {
    use super::mission_name;

    #[test]
    fn one_name_per_mission() {
        let name = "United Nations Mission in South Sudan";
        let usual = Some(name);
        assert_eq!(mission_name("UNMISS"), usual);
        assert_eq!(
            mission_name("United Nations Mission in the Republic of South Sudan"),
            usual
        );
        assert_eq!(mission_name(name), usual);
        assert_eq!(mission_name("United Nations Mission in Atlantis"), None);
    }
}
