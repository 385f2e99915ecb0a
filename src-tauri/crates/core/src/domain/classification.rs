//! Appendix A of the Salford Social Inclusion code (table 2.4 of the national Compact code on
//! community groups): eight paired features. The sources say most community groups share *many*
//! of the left-hand features, some organisations sit on neither side and groups move over time,
//! so the product only *suggests* a class and says why; staff may set another with a reason.

use serde::{Deserialize, Serialize};

/// How many features must be known before a class is suggested.
pub const MIN_KNOWN: u32 = 5;
/// The share of known features that must sit on one side (75%), as a fraction kept exact.
pub const SIDE_SHARE_NUM: u32 = 3;
pub const SIDE_SHARE_DEN: u32 = 4;
pub const FEATURE_COUNT: usize = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Community,
    Voluntary,
}

impl Side {
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Community => "community",
            Side::Voluntary => "voluntary",
        }
    }
    pub fn parse(s: &str) -> Option<Side> {
        match s {
            "community" => Some(Side::Community),
            "voluntary" => Some(Side::Voluntary),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupClass {
    Community,
    Voluntary,
    Mixed,
    Unclassified,
}

impl GroupClass {
    pub fn as_str(self) -> &'static str {
        match self {
            GroupClass::Community => "community",
            GroupClass::Voluntary => "voluntary",
            GroupClass::Mixed => "mixed",
            GroupClass::Unclassified => "unclassified",
        }
    }
    pub fn parse(s: &str) -> Option<GroupClass> {
        match s {
            "community" => Some(GroupClass::Community),
            "voluntary" => Some(GroupClass::Voluntary),
            "mixed" => Some(GroupClass::Mixed),
            "unclassified" => Some(GroupClass::Unclassified),
            _ => None,
        }
    }
    /// The words the UI and exports use.
    pub fn label(self) -> &'static str {
        match self {
            GroupClass::Community => "Community group",
            GroupClass::Voluntary => "Voluntary organisation",
            GroupClass::Mixed => "Mixed",
            GroupClass::Unclassified => "Not yet classified",
        }
    }
}

/// The suggested class and the counts behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    pub class: GroupClass,
    pub community: u32,
    pub voluntary: u32,
    pub known: u32,
    pub reason: String,
}

/// Suggests a class from the answers (one per feature; `None` is "not known").
pub fn suggest(answers: &[Option<Side>]) -> Suggestion {
    let community = answers
        .iter()
        .filter(|a| **a == Some(Side::Community))
        .count() as u32;
    let voluntary = answers
        .iter()
        .filter(|a| **a == Some(Side::Voluntary))
        .count() as u32;
    let known = community + voluntary;
    let total = FEATURE_COUNT as u32;
    // Integer comparison so 75% is exactly 75%: side/known >= 3/4  <=>  4*side >= 3*known.
    let leans = |side: u32| SIDE_SHARE_DEN * side >= SIDE_SHARE_NUM * known;
    let (class, reason) = if known < MIN_KNOWN {
        (
            GroupClass::Unclassified,
            format!("only {known} of {total} features known; at least {MIN_KNOWN} are needed"),
        )
    } else if leans(community) {
        (
            GroupClass::Community,
            format!("{community} of {known} known features on the community side"),
        )
    } else if leans(voluntary) {
        (
            GroupClass::Voluntary,
            format!("{voluntary} of {known} known features on the voluntary side"),
        )
    } else {
        (
            GroupClass::Mixed,
            format!(
                "{community} of {known} known features on the community side and {voluntary} on the \
                 voluntary side; neither reaches 75%"
            ),
        )
    };
    Suggestion {
        class,
        community,
        voluntary,
        known,
        reason,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Side::{Community as C, Voluntary as V};

    fn answers(c: usize, v: usize) -> Vec<Option<Side>> {
        let mut a = vec![None; FEATURE_COUNT];
        for slot in a.iter_mut().take(c) {
            *slot = Some(C);
        }
        for slot in a.iter_mut().skip(c).take(v) {
            *slot = Some(V);
        }
        a
    }

    #[test]
    fn four_known_is_not_yet_classified_even_if_all_agree() {
        let s = suggest(&answers(4, 0));
        assert_eq!(
            s.class,
            GroupClass::Unclassified,
            "4 known is below the minimum of 5"
        );
        assert_eq!(
            s.reason,
            "only 4 of 8 features known; at least 5 are needed"
        );
    }

    #[test]
    fn five_known_all_community_is_a_community_group() {
        let s = suggest(&answers(5, 0));
        assert_eq!(
            s.class,
            GroupClass::Community,
            "5 known is enough and 5/5 is over 75%"
        );
        assert_eq!(s.reason, "5 of 5 known features on the community side");
    }

    #[test]
    fn exactly_75_percent_counts_and_just_under_does_not() {
        // 6 of 8 = 75%: community group.
        assert_eq!(suggest(&answers(6, 2)).class, GroupClass::Community);
        // 3 of 4 would be 75% but only 4 are known.
        assert_eq!(suggest(&answers(3, 1)).class, GroupClass::Unclassified);
        // 5 of 7 = 71.4%: mixed.
        let s = suggest(&answers(5, 2));
        assert_eq!(s.class, GroupClass::Mixed, "71% is under the 75% threshold");
        assert!(s.reason.contains("neither reaches 75%"));
        // 6 of 7 = 85.7%: community, with the reason in words.
        assert_eq!(
            suggest(&answers(6, 1)).reason,
            "6 of 7 known features on the community side"
        );
    }

    #[test]
    fn voluntary_side_is_symmetric() {
        let s = suggest(&answers(2, 6));
        assert_eq!(
            s.class,
            GroupClass::Voluntary,
            "6 of 8 on the voluntary side is 75%"
        );
        assert_eq!(s.reason, "6 of 8 known features on the voluntary side");
        assert_eq!(
            suggest(&answers(3, 5)).class,
            GroupClass::Mixed,
            "5 of 8 is 62.5%"
        );
    }

    #[test]
    fn class_words_round_trip() {
        for c in [
            GroupClass::Community,
            GroupClass::Voluntary,
            GroupClass::Mixed,
            GroupClass::Unclassified,
        ] {
            assert_eq!(GroupClass::parse(c.as_str()), Some(c));
        }
    }
}
