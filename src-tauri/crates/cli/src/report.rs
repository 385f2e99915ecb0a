//! `compactdir report flags|gaps|balance|coverage`: what stands out, as CSV on standard output.

use chrono::NaiveDate;
use clap::Subcommand;
use compactdir_core::error::Result;
use compactdir_core::Store;

use crate::output::{stdout_csv, stdout_error};

#[derive(Subcommand)]
pub enum Action {
    /// Every flag as CSV: partnership, seat, holder, group, flag, message.
    Flags {
        /// The day to judge terms and intervals by (default: today).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::day::day)]
        today: Option<NaiveDate>,
    },
    /// Representation gaps as CSV, one row per partnership and category: partnership,
    /// category, status (covered, weak, missing), reserved_vacant, via (seats and holders in words).
    Gaps {
        /// The day to judge terms and intervals by (default: today).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::day::day)]
        today: Option<NaiveDate>,
    },
    /// Seat balance per partnership as CSV: VCSE and residents' seats by the class of their
    /// holder's group, faith and BME presence, warnings.
    Balance {
        /// The day to judge who holds a seat by (default: today).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::day::day)]
        today: Option<NaiveDate>,
    },
    /// Wards by categories with no known active group, as CSV: ward, category,
    /// groups_elsewhere (active groups for the category in other wards or with no ward).
    Coverage,
}

fn day(today: Option<NaiveDate>) -> NaiveDate {
    today.unwrap_or_else(|| chrono::Local::now().date_naive())
}

pub fn run(store: &Store, action: Action) -> Result<()> {
    let mut out = stdout_csv();
    match action {
        Action::Flags { today } => {
            out.write_record(["partnership", "seat", "holder", "group", "flag", "message"])
                .map_err(stdout_error)?;
            for f in store.flags(day(today))? {
                out.write_record([
                    f.partnership.as_str(),
                    &f.seat,
                    &f.holder,
                    &f.group,
                    f.flag.kind.as_str(),
                    &f.flag.message,
                ])
                .map_err(stdout_error)?;
            }
        }
        Action::Gaps { today } => {
            let m = store.gaps(day(today))?;
            out.write_record([
                "partnership",
                "category",
                "status",
                "reserved_vacant",
                "via",
            ])
            .map_err(stdout_error)?;
            for row in &m.rows {
                for (col, cell) in m.columns.iter().zip(&row.cells) {
                    let category = if col.retired {
                        format!("{} (retired)", col.name)
                    } else {
                        col.name.clone()
                    };
                    out.write_record([
                        row.name.as_str(),
                        &category,
                        cell.status.as_str(),
                        if cell.reserved_vacant { "yes" } else { "no" },
                        cell.via(),
                    ])
                    .map_err(stdout_error)?;
                }
            }
        }
        Action::Balance { today } => {
            out.write_record([
                "partnership",
                "seats",
                "vcse_seats",
                "residents_seats",
                // Only VCSE and residents' seats, as the counts beside it: the Partnerships list
                // and the pack's seats_vacant count every seat.
                "vcse_residents_vacant",
                "community",
                "voluntary",
                "mixed",
                "unclassified",
                "no_group",
                "faith_seats",
                "bme_seats",
                "warnings",
            ])
            .map_err(stdout_error)?;
            for b in store.seat_balance(day(today))? {
                let n = [
                    b.seats,
                    b.vcse_seats,
                    b.residents_seats,
                    b.vacant,
                    b.community,
                    b.voluntary,
                    b.mixed,
                    b.unclassified,
                    b.no_group,
                    b.faith_seats,
                    b.bme_seats,
                ]
                .map(|n| n.to_string());
                let warnings: Vec<&str> = b.warnings.iter().map(|w| w.message.as_str()).collect();
                let mut record = vec![b.name.clone()];
                record.extend(n);
                record.push(warnings.join("; "));
                out.write_record(&record).map_err(stdout_error)?;
            }
        }
        Action::Coverage => {
            out.write_record(["ward", "category", "groups_elsewhere"])
                .map_err(stdout_error)?;
            for g in store.directory_coverage()?.gaps {
                out.write_record([g.ward, g.category, g.groups_elsewhere.to_string()])
                    .map_err(stdout_error)?;
            }
        }
    }
    out.flush().map_err(|e| stdout_error(e.into()))
}
