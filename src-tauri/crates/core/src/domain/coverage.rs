//! Directory coverage: wards by socially excluded categories with no known active group, the
//! places and people outreach should look for (domain.md: "categories or wards with no known
//! group at all are outreach gaps"). A group is in a ward where it is based and in each ward it
//! serves; it counts for the categories it works with, faith and BME groups for theirs.

use serde::Serialize;

use super::gaps::CategoryFacts;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WardFacts {
    pub id: i64,
    pub name: String,
}

/// An active group: the wards it is in or serves, and the categories it counts for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoverageGroup {
    pub ward_ids: Vec<i64>,
    pub category_ids: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CoverageColumn {
    pub category_id: i64,
    pub name: String,
    /// Active groups counting for it anywhere (with a ward or not).
    pub groups: usize,
    /// Wards with none.
    pub wards_without: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CoverageRow {
    pub ward_id: i64,
    pub ward: String,
    /// Active groups per column.
    pub groups: Vec<usize>,
    pub gaps: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CoverageGap {
    pub ward_id: i64,
    pub ward: String,
    pub category_id: i64,
    pub category: String,
    /// Active groups counting for the category elsewhere (0: nowhere at all).
    pub groups_elsewhere: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DirectoryCoverage {
    pub columns: Vec<CoverageColumn>,
    pub rows: Vec<CoverageRow>,
    /// Every empty cell, ward by ward, in column order.
    pub gaps: Vec<CoverageGap>,
}

/// Columns are the active categories (a retired one is no outreach target).
pub fn coverage(
    wards: &[WardFacts],
    categories: &[CategoryFacts],
    groups: &[CoverageGroup],
) -> DirectoryCoverage {
    let active: Vec<&CategoryFacts> = categories.iter().filter(|c| !c.retired).collect();
    let col_of: std::collections::HashMap<i64, usize> =
        active.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
    let ward_of: std::collections::HashMap<i64, usize> =
        wards.iter().enumerate().map(|(i, w)| (w.id, i)).collect();
    let mut counts = vec![vec![0usize; active.len()]; wards.len()];
    let mut totals = vec![0usize; active.len()];
    for g in groups {
        let cols: Vec<usize> = g
            .category_ids
            .iter()
            .filter_map(|c| col_of.get(c).copied())
            .collect();
        for &c in &cols {
            totals[c] += 1;
        }
        let mut seen = Vec::with_capacity(g.ward_ids.len());
        for w in &g.ward_ids {
            let Some(&r) = ward_of.get(w) else { continue };
            if seen.contains(&r) {
                continue;
            }
            seen.push(r);
            for &c in &cols {
                counts[r][c] += 1;
            }
        }
    }
    let mut columns: Vec<CoverageColumn> = active
        .iter()
        .zip(&totals)
        .map(|(c, &n)| CoverageColumn {
            category_id: c.id,
            name: c.name.clone(),
            groups: n,
            wards_without: 0,
        })
        .collect();
    let mut rows = Vec::with_capacity(wards.len());
    let mut gaps = Vec::new();
    for (w, row) in wards.iter().zip(counts) {
        let mut empty = 0;
        for (c, &n) in row.iter().enumerate() {
            if n == 0 {
                empty += 1;
                columns[c].wards_without += 1;
                gaps.push(CoverageGap {
                    ward_id: w.id,
                    ward: w.name.clone(),
                    category_id: active[c].id,
                    category: active[c].name.clone(),
                    groups_elsewhere: totals[c],
                });
            }
        }
        rows.push(CoverageRow {
            ward_id: w.id,
            ward: w.name.clone(),
            groups: row,
            gaps: empty,
        });
    }
    DirectoryCoverage {
        columns,
        rows,
        gaps,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ward_without_a_group_for_a_category_is_a_gap_and_served_wards_count() {
        let wards = vec![
            WardFacts {
                id: 1,
                name: "Ordsall".into(),
            },
            WardFacts {
                id: 2,
                name: "Kersal".into(),
            },
        ];
        let cat = |id, name: &str, retired| CategoryFacts {
            id,
            name: name.into(),
            retired,
        };
        let categories = vec![
            cat(10, "Young people", false),
            cat(11, "Women", false),
            cat(12, "Old list", true),
        ];
        let groups = vec![
            // Based in Ordsall, serving Kersal too, counted once per ward.
            CoverageGroup {
                ward_ids: vec![1, 2, 1],
                category_ids: vec![10, 12],
            },
            // No ward: counts for the city but fills no ward.
            CoverageGroup {
                ward_ids: vec![],
                category_ids: vec![11],
            },
        ];
        let c = coverage(&wards, &categories, &groups);
        assert_eq!(c.columns.len(), 2, "retired categories are not targets");
        assert_eq!(c.rows[0].groups, [1, 0]);
        assert_eq!(c.rows[1].groups, [1, 0]);
        assert_eq!(c.columns[1].wards_without, 2);
        assert_eq!(c.gaps.len(), 2);
        assert_eq!(
            (c.gaps[0].ward.as_str(), c.gaps[0].category.as_str()),
            ("Ordsall", "Women")
        );
        assert_eq!(c.gaps[0].groups_elsewhere, 1);
    }
}
