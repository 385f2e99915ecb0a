//! The new groups of one import, written in batches: the same rows `save_group_in` writes for a
//! new group (the group, its other names, numbers, feature answers, categories, wards and, when
//! it starts with a class, its first class history line), at a fraction of the cost for a file
//! of many thousand rows.
//!
//! Ids are given here (one more than the largest so far, as SQLite would) so a group's rows
//! can be queued before the group itself is written. They are given in one run, so the import's
//! undo record of them is the first and the last (`added_range`). The other tables' rows are
//! written only after their groups' batch: SQLite checks each row's group as it is written, and
//! a row written before its group would be counted as missing, then looked for again when the
//! group came (a tenth of the saving's instructions, for groups with two numbers each).

use rusqlite::Transaction;

use super::bulk::{int, opt_int, opt_text, owned, text, BulkInsert};
use crate::domain::classification::{self, GroupClass, Side};
use crate::domain::group::{Enterprise, GroupInput};
use crate::error::Result;

/// `'v`: the plan whose groups are queued, borrowed until they are written.
pub(crate) struct NewGroups<'c, 'v> {
    first_id: i64,
    next_id: i64,
    groups: BulkInsert<'c, 'v>,
    other_names: BulkInsert<'c, 'v>,
    identifiers: BulkInsert<'c, 'v>,
    features: BulkInsert<'c, 'v>,
    categories: BulkInsert<'c, 'v>,
    place_wards: BulkInsert<'c, 'v>,
    history: BulkInsert<'c, 'v>,
}

impl<'c, 'v> NewGroups<'c, 'v> {
    pub(crate) fn new(tx: &'c Transaction, now: &'v str) -> Result<NewGroups<'c, 'v>> {
        let last: i64 =
            tx.query_row("SELECT coalesce(max(id), 0) FROM groups", [], |r| r.get(0))?;
        Ok(NewGroups {
            first_id: last + 1,
            next_id: last + 1,
            groups: BulkInsert::with_shared(
                tx,
                "groups",
                &[
                    "id",
                    "name",
                    "address",
                    "postcode",
                    "ward_id",
                    "email",
                    "phone",
                    "website",
                    "activities",
                    "status",
                    "last_checked",
                    "last_checked_by",
                    "class_override",
                    "class_override_reason",
                    "enterprise",
                    "faith",
                    "faith_name",
                    "bme_led",
                    "bme_serving",
                    "interest",
                ],
                vec![("created_at", text(now)), ("updated_at", text(now))],
            ),
            other_names: BulkInsert::new(
                tx,
                "group_other_names",
                &["group_id", "position", "name"],
            ),
            identifiers: BulkInsert::new(
                tx,
                "group_identifiers",
                &["group_id", "position", "scheme", "value"],
            ),
            features: BulkInsert::new(
                tx,
                "group_features",
                &["group_id", "number", "side", "evidence"],
            ),
            categories: BulkInsert::new(tx, "group_categories", &["group_id", "category_id"]),
            place_wards: BulkInsert::new(tx, "group_place_wards", &["group_id", "ward_id"]),
            history: BulkInsert::with_shared(
                tx,
                "class_history",
                &["group_id", "kind", "class", "reason"],
                vec![("at", text(now))],
            ),
        })
    }

    /// Queues a checked group; returns the id it will have.
    pub(crate) fn add(&mut self, g: &'v GroupInput) -> Result<i64> {
        let id = self.next_id;
        self.next_id += 1;
        let n = || int(id);
        let flag = |b: bool| int(i64::from(b));
        self.groups.push([
            n(),
            text(&g.name),
            text(&g.address),
            text(&g.postcode),
            opt_int(g.ward_id),
            text(&g.email),
            text(&g.phone),
            text(&g.website),
            text(&g.activities),
            text(g.status.as_str()),
            opt_text(g.last_checked.as_deref()),
            text(&g.last_checked_by),
            opt_text(g.class_override.map(GroupClass::as_str)),
            text(&g.class_override_reason),
            opt_text(g.enterprise.map(Enterprise::as_str)),
            flag(g.faith),
            text(&g.faith_name),
            flag(g.bme_led),
            flag(g.bme_serving),
            text(&g.interest),
        ]);
        for (i, name) in g.other_names.iter().enumerate() {
            self.other_names.push([n(), int(i as i64), text(name)]);
        }
        for (i, ident) in g.identifiers.iter().enumerate() {
            self.identifiers
                .push([n(), int(i as i64), text(&ident.scheme), text(&ident.value)]);
        }
        for f in &g.features {
            self.features.push([
                n(),
                int(i64::from(f.number)),
                opt_text(f.side.map(Side::as_str)),
                text(&f.evidence),
            ]);
        }
        for c in &g.category_ids {
            self.categories.push([n(), int(*c)]);
        }
        for w in &g.place_ward_ids {
            self.place_wards.push([n(), int(*w)]);
        }
        // As `save_group_in` does: a group added unclassified has no stored first line.
        let suggestion = classification::suggest(&g.answers());
        if suggestion.class != GroupClass::Unclassified {
            self.history.push([
                n(),
                text("suggested"),
                text(suggestion.class.as_str()),
                owned(suggestion.reason),
            ]);
        }
        if let Some(c) = g.class_override {
            self.history.push([
                n(),
                text("set"),
                text(c.as_str()),
                text(&g.class_override_reason),
            ]);
        }
        // The other tables' rows go only after their groups' (see above).
        if self.groups.flush_full()? {
            for table in self.children() {
                table.flush_full()?;
            }
        }
        Ok(id)
    }

    /// The first and last id given, when any was: every id between is a group added here.
    pub(crate) fn added_range(&self) -> Option<(i64, i64)> {
        (self.next_id > self.first_id).then_some((self.first_id, self.next_id - 1))
    }

    /// Writes everything queued, so the groups can be read or changed in the same transaction.
    pub(crate) fn flush(&mut self) -> Result<()> {
        self.groups.flush()?;
        for table in self.children() {
            table.flush()?;
        }
        Ok(())
    }

    /// The tables whose rows name a group.
    fn children(&mut self) -> [&mut BulkInsert<'c, 'v>; 6] {
        [
            &mut self.other_names,
            &mut self.identifiers,
            &mut self.features,
            &mut self.categories,
            &mut self.place_wards,
            &mut self.history,
        ]
    }
}
