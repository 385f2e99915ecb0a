//! Seat balance per partnership: who holds the VCSE seats (community groups, voluntary
//! organisations, mixed, not yet classified) and whether faith and BME groups take part. The
//! national code on community groups says umbrella bodies "do not always represent the interests
//! of community groups" (002, 6.10) and asks that Black and minority ethnic, faith and women's
//! groups be given the chance to be involved (002, 6.19). Pure rules over the same rows as the
//! gaps matrix (`domain::gaps`).

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use super::classification::GroupClass;
use super::gaps::RepresentationFacts;
use super::partnership::Sector;
use super::words::plural;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BalanceWarningKind {
    /// VCSE seats, none held by a community group (002, 6.10).
    NoCommunityGroup,
    /// No faith or BME group holds a seat or is its alternate (002, 6.19).
    NoFaithOrBme,
}

impl BalanceWarningKind {
    pub fn as_str(self) -> &'static str {
        match self {
            BalanceWarningKind::NoCommunityGroup => "no_community_group",
            BalanceWarningKind::NoFaithOrBme => "no_faith_or_bme",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BalanceWarning {
    pub kind: BalanceWarningKind,
    pub message: String,
}

/// One partnership's seats. The class counts are of the seats that speak for a constituency
/// (VCSE and residents' seats, as the flags treat them: a tenants' association on a residents'
/// seat is a community group there) by their holder's group; faith and BME presence counts seats
/// of any sector whose holder or alternate comes from such a group. A holder whose term has ended
/// counts for nothing here: their seat is vacant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SeatBalance {
    pub partnership_id: i64,
    pub name: String,
    pub seats: usize,
    pub vcse_seats: usize,
    pub residents_seats: usize,
    /// VCSE and residents' seats with no holder in post: none appointed, or the last holder's
    /// term has ended.
    pub vacant: usize,
    pub community: usize,
    pub voluntary: usize,
    /// Of `community` and `voluntary`, the VCSE seats alone (the rest are residents' seats).
    pub vcse_community: usize,
    pub vcse_voluntary: usize,
    pub mixed: usize,
    pub unclassified: usize,
    /// VCSE and residents' seats whose holder is recorded with no group.
    pub no_group: usize,
    pub faith_seats: usize,
    pub bme_seats: usize,
    /// The faith and BME groups taking part, by name.
    pub faith_groups: Vec<String>,
    pub bme_groups: Vec<String>,
    pub warnings: Vec<BalanceWarning>,
}

/// The balance of every partnership, in the order of `facts.partnerships`.
pub fn balance(facts: &RepresentationFacts) -> Vec<SeatBalance> {
    let row_of: HashMap<i64, usize> = facts
        .partnerships
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id, i))
        .collect();
    let mut out: Vec<SeatBalance> = facts
        .partnerships
        .iter()
        .map(|p| SeatBalance {
            partnership_id: p.id,
            name: p.name.clone(),
            seats: 0,
            vcse_seats: 0,
            residents_seats: 0,
            vacant: 0,
            community: 0,
            voluntary: 0,
            vcse_community: 0,
            vcse_voluntary: 0,
            mixed: 0,
            unclassified: 0,
            no_group: 0,
            faith_seats: 0,
            bme_seats: 0,
            faith_groups: Vec::new(),
            bme_groups: Vec::new(),
            warnings: Vec::new(),
        })
        .collect();
    let mut faith_names: Vec<BTreeSet<String>> = vec![BTreeSet::new(); out.len()];
    let mut bme_names: Vec<BTreeSet<String>> = vec![BTreeSet::new(); out.len()];
    for seat in &facts.seats {
        let Some(&i) = row_of.get(&seat.partnership_id) else {
            continue;
        };
        let b = &mut out[i];
        b.seats += 1;
        // A holder whose term has ended no longer sits: the seat is vacant here (as in the
        // review pack and the seat's own page), though the gaps matrix still counts them as weak
        // cover until someone new is appointed.
        let holder = seat.holder.as_ref().filter(|h| !h.term_ended());
        let group_of = |a: Option<&super::gaps::AppointmentFacts>| {
            a.and_then(|a| a.group_id)
                .and_then(|g| facts.groups.get(&g))
        };
        if seat.sector.represents_constituency() {
            if seat.sector == Sector::Vcse {
                b.vcse_seats += 1;
            } else {
                b.residents_seats += 1;
            }
            match (holder, group_of(holder)) {
                (None, _) => b.vacant += 1,
                (Some(_), None) => b.no_group += 1,
                (Some(_), Some(g)) => match g.class {
                    GroupClass::Community => {
                        b.community += 1;
                        b.vcse_community += usize::from(seat.sector == Sector::Vcse);
                    }
                    GroupClass::Voluntary => {
                        b.voluntary += 1;
                        b.vcse_voluntary += usize::from(seat.sector == Sector::Vcse);
                    }
                    GroupClass::Mixed => b.mixed += 1,
                    GroupClass::Unclassified => b.unclassified += 1,
                },
            }
        }
        let groups = [group_of(holder), group_of(seat.alternate.as_ref())];
        let mut faith = false;
        let mut bme = false;
        for g in groups.into_iter().flatten() {
            if g.faith {
                faith = true;
                faith_names[i].insert(g.name.clone());
            }
            if g.bme {
                bme = true;
                bme_names[i].insert(g.name.clone());
            }
        }
        b.faith_seats += faith as usize;
        b.bme_seats += bme as usize;
    }
    for ((b, faith), bme) in out.iter_mut().zip(faith_names).zip(bme_names) {
        b.faith_groups = faith.into_iter().collect();
        b.bme_groups = bme.into_iter().collect();
        if b.vcse_seats > 0 && b.community == 0 {
            let seats = b.vcse_seats + b.residents_seats;
            b.warnings.push(BalanceWarning {
                kind: BalanceWarningKind::NoCommunityGroup,
                message: format!(
                    "{} ({} held), none by a community group: umbrella bodies do not always represent the interests of community groups (Compact code 002, 6.10)",
                    if b.residents_seats == 0 {
                        plural(seats, "VCSE seat", "VCSE seats")
                    } else {
                        format!("{seats} VCSE and residents' seats")
                    },
                    seats - b.vacant
                ),
            });
        }
        if b.faith_seats == 0 && b.bme_seats == 0 {
            b.warnings.push(BalanceWarning {
                kind: BalanceWarningKind::NoFaithOrBme,
                message: "no faith or BME group holds a seat or is an alternate: involve Black and minority ethnic, faith and women's groups (Compact code 002, 6.19)".to_string(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::gaps::{AppointmentFacts, GroupFacts, PartnershipFacts, SeatHolding};

    fn group(name: &str, class: GroupClass, faith: bool, bme: bool) -> GroupFacts {
        GroupFacts {
            name: name.into(),
            class,
            faith,
            bme,
            category_ids: vec![],
        }
    }

    fn held(group: Option<i64>) -> Option<AppointmentFacts> {
        Some(AppointmentFacts {
            appointment_id: 1,
            person: "P".into(),
            group_id: group,
            flags: vec![],
        })
    }

    fn seat(sector: Sector, holder: Option<AppointmentFacts>) -> SeatHolding {
        SeatHolding {
            seat_id: 1,
            partnership_id: 1,
            label: "Seat".into(),
            sector,
            category_ids: vec![],
            holder,
            alternate: None,
        }
    }

    fn facts(seats: Vec<SeatHolding>) -> RepresentationFacts {
        RepresentationFacts {
            partnerships: vec![PartnershipFacts {
                id: 1,
                name: "Community Safety Partnership".into(),
            }],
            groups: HashMap::from([
                (
                    1,
                    group("Advice Centre", GroupClass::Voluntary, false, false),
                ),
                (
                    2,
                    group("Tenants Association", GroupClass::Community, false, false),
                ),
                (3, group("Masjid", GroupClass::Mixed, true, true)),
            ]),
            seats,
            ..Default::default()
        }
    }

    fn kinds(b: &SeatBalance) -> Vec<BalanceWarningKind> {
        b.warnings.iter().map(|w| w.kind).collect()
    }

    #[test]
    fn vcse_seats_held_only_by_voluntary_organisations_are_warned_of() {
        let b = &balance(&facts(vec![
            seat(Sector::Vcse, held(Some(1))),
            seat(Sector::Vcse, None),
            seat(Sector::Public, held(None)),
        ]))[0];
        assert_eq!((b.seats, b.vcse_seats, b.vacant), (3, 2, 1));
        assert_eq!((b.voluntary, b.community), (1, 0));
        assert_eq!(
            kinds(b),
            [
                BalanceWarningKind::NoCommunityGroup,
                BalanceWarningKind::NoFaithOrBme
            ]
        );
        assert!(b.warnings[0]
            .message
            .starts_with("2 VCSE seats (1 held), none by a community group: umbrella bodies"));
    }

    #[test]
    fn a_community_group_and_a_faith_alternate_clear_both_warnings() {
        let mut faith_alt = seat(Sector::Vcse, held(Some(2)));
        faith_alt.alternate = held(Some(3));
        let b = &balance(&facts(vec![faith_alt, seat(Sector::Vcse, held(None))]))[0];
        assert_eq!((b.community, b.no_group), (1, 1));
        assert_eq!((b.faith_seats, b.bme_seats), (1, 1));
        assert_eq!(b.faith_groups, ["Masjid"]);
        assert!(b.warnings.is_empty());
    }

    #[test]
    fn a_tenants_association_on_a_residents_seat_counts_as_a_community_group() {
        let b = &balance(&facts(vec![
            seat(Sector::Vcse, held(Some(1))),
            seat(Sector::Residents, held(Some(2))),
        ]))[0];
        assert_eq!((b.vcse_seats, b.residents_seats, b.community), (1, 1, 1));
        assert_eq!(kinds(b), [BalanceWarningKind::NoFaithOrBme]);
    }

    #[test]
    fn a_holder_whose_term_has_ended_leaves_the_seat_vacant() {
        let mut ended = held(Some(3));
        ended.as_mut().unwrap().flags = vec![crate::domain::flags::Flag {
            kind: crate::domain::flags::FlagKind::TermEnded,
            seat_id: 1,
            appointment_id: Some(1),
            message: "term ended 31 July 2026, 116 days ago".into(),
        }];
        let b = &balance(&facts(vec![
            seat(Sector::Vcse, ended),
            seat(Sector::Vcse, held(Some(2))),
        ]))[0];
        assert_eq!((b.vcse_seats, b.vacant), (2, 1));
        assert_eq!(
            (b.community, b.mixed),
            (1, 0),
            "the ended holder's group is not counted"
        );
        assert_eq!(
            (b.faith_seats, b.bme_seats),
            (0, 0),
            "nor is it taking part"
        );
    }

    #[test]
    fn no_vcse_seats_no_community_warning() {
        let b = &balance(&facts(vec![seat(Sector::Public, held(Some(3)))]))[0];
        assert!(b.warnings.is_empty(), "{:?}", b.warnings);
    }
}
