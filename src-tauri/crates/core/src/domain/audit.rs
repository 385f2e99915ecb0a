//! The audit trail's pure parts: what changed between two versions of a record (as the form holds
//! it, in JSON), the field's name in words, and a value in words. The store writes and reads the
//! rows; this decides what goes in them and how they read.

use serde_json::{Map, Value};

/// The value an erasure leaves in the trail in place of a person's details.
pub const ERASED: &str = "(erased)";

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

/// A field's name as the forms call it.
pub fn label(field: &str) -> String {
    let known = match field {
        "name" => "Name",
        "other_names" => "Other names",
        "identifiers" => "Charity and company numbers",
        "address" => "Address",
        "postcode" => "Postcode",
        "ward_id" => "Ward",
        "email" => "Email",
        "phone" => "Phone",
        "website" => "Website",
        "activities" => "Activities",
        "status" => "Status",
        "last_checked" => "Last checked",
        "last_checked_by" => "Checked by",
        "features" => "Typical features (Appendix A)",
        "class_override" => "Classification set by hand",
        "class_override_reason" => "Reason for the classification",
        "enterprise" => "Social or community enterprise",
        "faith" => "Faith group",
        "faith_name" => "Faith",
        "bme_led" => "BME-led",
        "bme_serving" => "Serves BME communities",
        "place_ward_ids" => "Wards it works in",
        "interest" => "Interest",
        "category_ids" => "Socially excluded people served",
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
    let last = field.rsplit('.').next().unwrap_or(field).replace('_', " ");
    let mut chars = last.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A value in words. `name_of(field, id)` names what an id field points to (a ward, a category,
/// a group), so the trail says "Weaste and Seedley", not 17.
pub fn render(field: &str, value: &Value, name_of: &dyn Fn(&str, i64) -> Option<String>) -> String {
    let last = field.rsplit('.').next().unwrap_or(field);
    match value {
        Value::Null => "(blank)".into(),
        Value::Bool(true) => "yes".into(),
        Value::Bool(false) => "no".into(),
        Value::String(s) if s.is_empty() => "(blank)".into(),
        Value::String(s) => s.replace('_', " "),
        Value::Number(n) => match n.as_i64() {
            Some(id) if is_id_field(last) => {
                name_of(last, id).unwrap_or_else(|| format!("number {id} (no longer there)"))
            }
            _ => n.to_string(),
        },
        Value::Array(items) if items.is_empty() => "(none)".into(),
        Value::Array(items) => items
            .iter()
            .map(|v| render_item(last, v, name_of))
            .collect::<Vec<_>>()
            .join("; "),
        Value::Object(_) => render_item(last, value, name_of),
    }
}

fn is_id_field(field: &str) -> bool {
    field.ends_with("_id") || field.ends_with("_ids")
}

fn render_item(field: &str, v: &Value, name_of: &dyn Fn(&str, i64) -> Option<String>) -> String {
    match v {
        // Typical features: "1 community (evidence)".
        Value::Object(m) if m.contains_key("number") && m.contains_key("side") => {
            let side = render("side", m.get("side").unwrap_or(&Value::Null), name_of);
            let side = if side == "(blank)" {
                "not answered".into()
            } else {
                side
            };
            let evidence = m.get("evidence").and_then(Value::as_str).unwrap_or("");
            let number = m.get("number").map(Value::to_string).unwrap_or_default();
            if evidence.is_empty() {
                format!("{number} {side}")
            } else {
                format!("{number} {side} ({evidence})")
            }
        }
        // Identifiers: "charity 1234567".
        Value::Object(m) if m.contains_key("scheme") && m.contains_key("value") => format!(
            "{} {}",
            m.get("scheme").and_then(Value::as_str).unwrap_or(""),
            m.get("value").and_then(Value::as_str).unwrap_or("")
        ),
        Value::Object(m) => m
            .iter()
            .map(|(k, v)| format!("{}: {}", label(k), render(k, v, name_of)))
            .collect::<Vec<_>>()
            .join(", "),
        other => render(field, other, name_of),
    }
}

#[cfg(test)]
mod tests {
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
        assert_eq!(render("faith", &json!(true), &names), "yes");
        assert_eq!(render("email", &json!(""), &names), "(blank)");
        assert_eq!(
            render("status", &json!("open_election"), &names),
            "open election"
        );
        assert_eq!(
            render(
                "features",
                &json!([{"number": 1, "side": "community", "evidence": "no staff"}]),
                &names
            ),
            "1 community (no staff)"
        );
        assert_eq!(
            render(
                "identifiers",
                &json!([{"scheme": "charity", "value": "1091234"}]),
                &names
            ),
            "charity 1091234"
        );
        assert_eq!(
            label("settings.report_back_days"),
            "Report back at least every (days)"
        );
        assert_eq!(label("settings.new_threshold"), "New threshold");
    }
}
