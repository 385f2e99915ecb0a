//! The audit trail's pure parts: what changed between two versions of a record (as the form holds
//! it, in JSON), the field's name in words, and a value in words. The store writes and reads the
//! rows; this decides what goes in them and how they read.

use chrono::NaiveDate;
use serde_json::{Map, Value};

use super::classification::GroupClass;
use super::flags::in_words;
use super::group::{Enterprise, Status};

/// The value an erasure leaves in the trail in place of a person's details.
pub const ERASED: &str = "(erased)";

/// Whether `text` quotes `detail` (an erased person's name, e-mail or phone) as a whole: in any
/// case, and not as part of a longer word, so erasing "Ann" leaves "Annual Planning Forum" and
/// "Joanne's seat" alone but finds "Ann's seat".
pub fn quotes(text: &str, detail: &str) -> bool {
    let detail = detail.trim().to_lowercase();
    if detail.is_empty() {
        return false;
    }
    let text = text.to_lowercase();
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    // A detail that begins or ends with a sign (+44..., an e-mail's end) needs no edge there.
    let edge_before = word(detail.chars().next());
    let edge_after = word(detail.chars().next_back());
    text.match_indices(&detail).any(|(i, m)| {
        let joined_before = edge_before && word(text[..i].chars().next_back());
        let joined_after = edge_after && word(text[i + m.len()..].chars().next());
        !joined_before && !joined_after
    })
}

/// `quotes` for a value as the trail keeps it (JSON): any text in it, read as text, so a name with
/// a quotation mark is found though the JSON escapes it.
pub fn value_quotes(json: &str, detail: &str) -> bool {
    fn any_text(v: &serde_json::Value, detail: &str) -> bool {
        match v {
            serde_json::Value::String(s) => quotes(s, detail),
            serde_json::Value::Array(a) => a.iter().any(|x| any_text(x, detail)),
            serde_json::Value::Object(o) => o.values().any(|x| any_text(x, detail)),
            _ => false,
        }
    }
    serde_json::from_str(json).map_or_else(|_| quotes(json, detail), |v| any_text(&v, detail))
}

/// One field that differs: its dotted path ("settings.report_back_days"), before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldChange {
    pub field: String,
    pub old: Value,
    pub new: Value,
}

/// Every field that differs between `before` and `after`, by field name.
/// Nested objects are compared field by field; lists and plain values as a whole. The record's
/// own `id` is not a field a user changes, so it is never reported.
pub fn diff(before: &Value, after: &Value) -> Vec<FieldChange> {
    let mut out = Vec::new();
    diff_into("", before, after, &mut out);
    out
}

fn diff_into(prefix: &str, before: &Value, after: &Value, out: &mut Vec<FieldChange>) {
    match (before, after) {
        (Value::Object(b), Value::Object(a)) => {
            let empty = Value::Null;
            let mut keys: Vec<&String> = a.keys().collect();
            keys.extend(b.keys().filter(|k| !a.contains_key(*k)));
            for key in keys {
                if prefix.is_empty() && key == "id" {
                    continue;
                }
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                diff_into(
                    &path,
                    b.get(key).unwrap_or(&empty),
                    a.get(key).unwrap_or(&empty),
                    out,
                );
            }
        }
        (b, a) if b != a => out.push(FieldChange {
            field: prefix.to_string(),
            old: b.clone(),
            new: a.clone(),
        }),
        _ => {}
    }
}

/// The value at a dotted path, if the record has it.
pub fn get_path<'v>(record: &'v Value, path: &str) -> Option<&'v Value> {
    path.split('.').try_fold(record, |v, key| v.get(key))
}

/// Puts `value` at a dotted path, making the objects on the way when missing.
pub fn set_path(record: &mut Value, path: &str, value: Value) {
    let mut at = record;
    let mut keys = path.split('.').peekable();
    while let Some(key) = keys.next() {
        if !at.is_object() {
            *at = Value::Object(Map::new());
        }
        let map = at.as_object_mut().expect("made an object above");
        if keys.peek().is_none() {
            map.insert(key.to_string(), value);
            return;
        }
        at = map.entry(key).or_insert(Value::Object(Map::new()));
    }
}

/// A field's name as the forms call it. A group's fields are named as the group's form and page
/// name them ("What it does", "Class set by staff"), so the trail reads like the page above it.
pub fn label(field: &str) -> String {
    let known = match field {
        "name" => "Name",
        "merged_in" => "Merged in another group",
        "merged_into" => "Merged into another group",
        "other_names" => "Other names",
        "identifiers" => "Registration numbers",
        "address" => "Address",
        "postcode" => "Postcode",
        "ward_id" => "Ward",
        "email" => "Email",
        "phone" => "Phone",
        "website" => "Website",
        "activities" => "What it does",
        "status" => "Status",
        "last_checked" => "Last checked with the group",
        "last_checked_by" => "Checked by",
        "features" => "Typical features (Appendix A)",
        "class_override" => "Class set by staff",
        "class_override_reason" => "Why staff set the class",
        "enterprise" => "Enterprise",
        "faith" => "Faith group",
        "faith_name" => "Which faith",
        "bme_led" => "Led by Black and minority ethnic people",
        "bme_serving" => "Serves Black and minority ethnic communities",
        "place_ward_ids" => "Community of place",
        "interest" => "Community of interest",
        "category_ids" => "Socially excluded people it works with",
        "kind" => "Kind of partnership",
        "convenor" => "Convenor",
        "meeting_pattern" => "Meetings",
        "last_review" => "Last review",
        "next_review" => "Next review",
        "label" => "Seat",
        "sector" => "Sector",
        "constituency" => "Constituency",
        "selection" => "How selected",
        "ended_on" => "Seat ended on",
        "ward_ids" => "Wards the seat speaks for",
        "lawful_basis" => "Lawful basis",
        "consent_date" => "Consent given on",
        "consent_how" => "How consent was given",
        "consent_told" => "What they were told",
        "review_date" => "Review date",
        "group_id" => "Group represented",
        "term_start" => "Term starts",
        "term_end" => "Term ends",
        "openly_selected" => "Openly selected",
        "settings.report_back_days" => "Report back at least every (days)",
        "settings.term_ending_days" => "Warn of a term ending (days before)",
        "settings.declaration_months" => "Declaration of interests due every (months)",
        "settings.attendance_meetings" => "Attendance counted over (meetings)",
        "settings.attendance_min_percent" => "Least attendance (percent)",
        "settings.over_consulted_partnerships" => "Over-consulted at (partnerships)",
        _ => "",
    };
    if !known.is_empty() {
        return known.to_string();
    }
    // A field not named above still reads as words: "settings.some_thing" -> "Some thing".
    capitalised(&field.rsplit('.').next().unwrap_or(field).replace('_', " "))
}

/// A field's name for a row about `subject` ("group", "seat", ...): a seat's categories are
/// those it speaks for, a group's those it works with.
pub fn label_for(subject: &str, field: &str) -> String {
    match (subject, field) {
        ("seat", "category_ids") => "Socially excluded people it speaks for".into(),
        _ => label(field),
    }
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A date as the pages show it ("5 February 2026"), when `s` is one as stored ("2026-02-05").
fn long_date(s: &str) -> Option<String> {
    if s.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok().map(in_words)
}

/// A registration number as the group's page shows it: "Charity number (England and Wales): 1091234".
fn identifier_words(scheme: &str, value: &str) -> String {
    let register = match scheme {
        "GB-CHC" => "Charity number (England and Wales)",
        "GB-COH" => "Company number",
        "GB-SC" => "Scottish charity number",
        "GB-NIC" => "Northern Ireland charity number",
        other => other,
    };
    format!("{register}: {value}")
}

/// A value in words, as the group's form and page show it: "Active", "Yes", "5 February 2026",
/// "Not recorded". `name_of(field, id)` names what an id field points to (a ward, a category, a
/// group), so the trail says "Weaste and Seedley", not 17; `name_of("feature", n)` gives feature
/// n's title and `name_of("feature.community" or "feature.voluntary", n)` what its side means.
pub fn render(field: &str, value: &Value, name_of: &dyn Fn(&str, i64) -> Option<String>) -> String {
    let last = field.rsplit('.').next().unwrap_or(field);
    match value {
        Value::Null => blank(last).into(),
        Value::Bool(true) => "Yes".into(),
        Value::Bool(false) => "No".into(),
        Value::String(s) if s.is_empty() => blank(last).into(),
        Value::String(s) => choice_words(last, s)
            .map(str::to_string)
            .or_else(|| long_date(s))
            .unwrap_or_else(|| s.replace('_', " ")),
        Value::Number(n) => match n.as_i64() {
            Some(id) if is_id_field(last) => {
                name_of(last, id).unwrap_or_else(|| format!("number {id} (no longer there)"))
            }
            _ => n.to_string(),
        },
        Value::Array(items) if items.is_empty() => "None recorded".into(),
        Value::Array(items) => items
            .iter()
            .map(|v| render_item(last, v, name_of))
            .collect::<Vec<_>>()
            .join("; "),
        Value::Object(_) => render_item(last, value, name_of),
    }
}

/// What the group's page says where a field is empty.
fn blank(field: &str) -> &'static str {
    match field {
        "last_checked" => "Never",
        "class_override" => "Use the suggestion",
        "enterprise" => "No",
        "side" => "Not known",
        _ => "Not recorded",
    }
}

/// A group's choices in the words its form offers them (each type's own `label`).
fn choice_words(field: &str, value: &str) -> Option<&'static str> {
    match field {
        "status" => Status::parse(value).map(Status::label),
        "class_override" => GroupClass::parse(value)
            .filter(|c| *c != GroupClass::Unclassified)
            .map(GroupClass::label),
        "enterprise" => Enterprise::parse(value).map(Enterprise::label),
        _ => None,
    }
}

fn is_id_field(field: &str) -> bool {
    field.ends_with("_id") || field.ends_with("_ids")
}

fn render_item(field: &str, v: &Value, name_of: &dyn Fn(&str, i64) -> Option<String>) -> String {
    match v {
        // Typical features, as the group's page answers them:
        // "1. Leadership: Community side: Member led (evidence: no paid staff)".
        Value::Object(m) if m.contains_key("number") && m.contains_key("side") => {
            let number = m.get("number").and_then(Value::as_i64).unwrap_or(0);
            let title = name_of("feature", number)
                .map(|t| format!("{number}. {t}"))
                .unwrap_or_else(|| format!("Feature {number}"));
            let answer = match m.get("side").and_then(Value::as_str) {
                Some(side @ ("community" | "voluntary")) => {
                    let words = if side == "community" {
                        "Community side"
                    } else {
                        "Voluntary side"
                    };
                    match name_of(&format!("feature.{side}"), number) {
                        Some(means) => format!("{words}: {means}"),
                        None => words.to_string(),
                    }
                }
                _ => blank("side").to_string(),
            };
            match m.get("evidence").and_then(Value::as_str).unwrap_or("") {
                "" => format!("{title}: {answer}"),
                evidence => format!("{title}: {answer} (evidence: {evidence})"),
            }
        }
        // Registration numbers: "Charity number (England and Wales): 1091234".
        Value::Object(m) if m.contains_key("scheme") && m.contains_key("value") => {
            identifier_words(
                m.get("scheme").and_then(Value::as_str).unwrap_or(""),
                m.get("value").and_then(Value::as_str).unwrap_or(""),
            )
        }
        Value::Object(m) => m
            .iter()
            .map(|(k, v)| format!("{}: {}", label(k), render(k, v, name_of)))
            .collect::<Vec<_>>()
            .join(", "),
        other => render(field, other, name_of),
    }
}

/// The typical-features answers that differ between two versions (the whole list is stored, but
/// the trail shows only the answers that changed), or `None` when either is not such a list.
pub fn changed_features(old: &Value, new: &Value) -> Option<(Value, Value)> {
    let (Value::Array(o), Value::Array(n)) = (old, new) else {
        return None;
    };
    let number = |v: &Value| v.get("number").and_then(Value::as_i64);
    if !o.iter().chain(n).all(|v| number(v).is_some()) {
        return None;
    }
    let mut numbers: Vec<i64> = o.iter().chain(n).filter_map(number).collect();
    numbers.sort_unstable();
    numbers.dedup();
    let find = |list: &[Value], k: i64| list.iter().find(|v| number(v) == Some(k)).cloned();
    let unanswered = |k: i64| serde_json::json!({"number": k, "side": null, "evidence": ""});
    let (mut before, mut after) = (Vec::new(), Vec::new());
    for k in numbers {
        let (b, a) = (
            find(o, k).unwrap_or_else(|| unanswered(k)),
            find(n, k).unwrap_or_else(|| unanswered(k)),
        );
        if b != a {
            before.push(b);
            after.push(a);
        }
    }
    Some((Value::Array(before), Value::Array(after)))
}

#[cfg(test)]
mod tests {

    #[test]
    fn an_erased_detail_is_found_as_a_whole_not_inside_longer_words() {
        assert!(quotes("Ann's seat for the tenants", "Ann"));
        assert!(quotes("Seat held by ANN", "ann"));
        assert!(quotes("Ann-Marie", "Ann"));
        assert!(!quotes("Annual Planning Forum", "Ann"));
        assert!(!quotes("Joanne's seat", "Ann"));
        assert!(!quotes("Hannah", "Ann"));
        assert!(quotes("ring 0161 496 0794 after six", "0161 496 0794"));
        assert!(!quotes("ring 0161 496 07945", "0161 496 0794"));
        assert!(quotes("mail ann@example.org.", "ann@example.org"));
        assert!(quotes("call+44 161 496 0794", "+44 161 496 0794"));
        assert!(!quotes("anything", "  "));
        assert!(quotes("Émile Zola's group", "émile zola"));
        assert!(value_quotes(r#""Joanne's seat, with Ann""#, "Ann"));
        assert!(!value_quotes(r#""Annual Planning Forum""#, "Ann"));
        assert!(value_quotes(
            r#"["x", {"name": "Ann \"Nan\" Lee"}]"#,
            "Ann \"Nan\" Lee"
        ));
        assert!(!value_quotes("12", "Ann"));
    }

    use super::*;
    use serde_json::json;

    #[test]
    fn diff_names_each_changed_field_and_goes_into_nested_settings() {
        let before = json!({"id": 3, "name": "Old", "faith": false, "category_ids": [1, 2],
                            "settings": {"report_back_days": 90, "declaration_months": 12}});
        let after = json!({"id": 3, "name": "New", "faith": false, "category_ids": [2],
                           "settings": {"report_back_days": 60, "declaration_months": 12}});
        let changes = diff(&before, &after);
        let fields: Vec<&str> = changes.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(
            fields,
            ["category_ids", "name", "settings.report_back_days"]
        );
        assert_eq!(changes[2].old, json!(90));
        assert_eq!(changes[2].new, json!(60));
        assert!(diff(&after, &after).is_empty());
    }

    #[test]
    fn set_path_puts_back_what_get_path_reads() {
        let mut r = json!({"name": "A", "settings": {"report_back_days": 60}});
        set_path(&mut r, "settings.report_back_days", json!(90));
        set_path(&mut r, "name", json!("B"));
        assert_eq!(get_path(&r, "settings.report_back_days"), Some(&json!(90)));
        assert_eq!(get_path(&r, "name"), Some(&json!("B")));
        assert_eq!(get_path(&r, "nothing.here"), None);
    }

    #[test]
    fn values_read_as_words_with_ids_named() {
        let names = |field: &str, id: i64| match (field, id) {
            ("ward_id", 7) => Some("Kersal and Broughton Park".to_string()),
            ("category_ids", 1) => Some("Disabled people".to_string()),
            _ => None,
        };
        assert_eq!(
            render("ward_id", &json!(7), &names),
            "Kersal and Broughton Park"
        );
        assert_eq!(
            render("ward_id", &json!(8), &names),
            "number 8 (no longer there)"
        );
        assert_eq!(
            render("category_ids", &json!([1]), &names),
            "Disabled people"
        );
        assert_eq!(
            render("status", &json!("open_election"), &names),
            "open election"
        );
        assert_eq!(
            label("settings.report_back_days"),
            "Report back at least every (days)"
        );
        assert_eq!(label("settings.new_threshold"), "New threshold");
        assert_eq!(
            label_for("seat", "category_ids"),
            "Socially excluded people it speaks for"
        );
    }

    /// The tester's finding: the history said "Activities", "Classification set by hand",
    /// "community", "(blank)", "2 not answered", "active" and "2026-02-05" where the group's form
    /// and page say "What it does", "Class set by staff", "Community group", "Not recorded",
    /// "Not known", "Active" and "5 February 2026".
    #[test]
    fn a_groups_fields_and_values_read_as_its_form_and_page_say_them() {
        let names = |field: &str, n: i64| match (field, n) {
            ("feature", 1) => Some("Leadership".to_string()),
            ("feature", 2) => Some("Area".to_string()),
            ("feature.community", 1) => Some("Member led".to_string()),
            _ => None,
        };
        assert_eq!(label("activities"), "What it does");
        assert_eq!(label("class_override"), "Class set by staff");
        assert_eq!(label("last_checked"), "Last checked with the group");
        assert_eq!(label("identifiers"), "Registration numbers");
        assert_eq!(label("place_ward_ids"), "Community of place");
        assert_eq!(render("status", &json!("active"), &names), "Active");
        assert_eq!(
            render("class_override", &json!("community"), &names),
            "Community group"
        );
        assert_eq!(
            render("class_override", &Value::Null, &names),
            "Use the suggestion"
        );
        assert_eq!(
            render("enterprise", &json!("community"), &names),
            "Community enterprise"
        );
        assert_eq!(render("enterprise", &Value::Null, &names), "No");
        assert_eq!(render("email", &json!(""), &names), "Not recorded");
        assert_eq!(render("last_checked", &Value::Null, &names), "Never");
        assert_eq!(
            render("last_checked", &json!("2026-02-05"), &names),
            "5 February 2026"
        );
        assert_eq!(render("faith", &json!(true), &names), "Yes");
        assert_eq!(render("bme_led", &json!(false), &names), "No");
        assert_eq!(render("other_names", &json!([]), &names), "None recorded");
        assert_eq!(
            render(
                "features",
                &json!([{"number": 1, "side": "community", "evidence": "no paid staff"},
                        {"number": 2, "side": null, "evidence": ""}]),
                &names
            ),
            "1. Leadership: Community side: Member led (evidence: no paid staff); 2. Area: Not known"
        );
        assert_eq!(
            render(
                "identifiers",
                &json!([{"scheme": "GB-CHC", "value": "1091234"}]),
                &names
            ),
            "Charity number (England and Wales): 1091234"
        );
        let text = [
            label("activities"),
            label("class_override"),
            render("status", &json!("active"), &names),
            render("features", &json!([{"number": 2, "side": null}]), &names),
            render("last_checked", &json!("2026-02-05"), &names),
        ]
        .join(" ");
        for raw in [
            "Activities",
            "by hand",
            "active",
            "(blank)",
            "not answered",
            "2026-",
        ] {
            assert!(!text.contains(raw), "{raw} in {text}");
        }
    }

    #[test]
    fn only_the_features_answers_that_changed_are_shown() {
        let unanswered = |n: i64| json!({"number": n, "side": null, "evidence": ""});
        let old = json!([unanswered(1), unanswered(2), unanswered(3)]);
        let new = json!([
            {"number": 1, "side": "community", "evidence": ""},
            unanswered(2),
            {"number": 3, "side": "voluntary", "evidence": ""}
        ]);
        let (b, a) = changed_features(&old, &new).unwrap();
        assert_eq!(b, json!([unanswered(1), unanswered(3)]));
        assert_eq!(a, json!([new[0], new[2]]));
        assert_eq!(changed_features(&json!("x"), &new), None);
    }
}
