//! A small JSON Schema checker for the tests: the keywords `docs/schemas/` uses (type,
//! const, enum, required, properties, additionalProperties, items, minimum, maximum,
//! minProperties, maxProperties) and the annotations ($schema, title, description).
//! Any other keyword fails the check rather than being ignored, so a schema cannot
//! silently say more than is checked. (The `jsonschema` crate would do all of draft
//! 2020-12, but it is a heavy build for three flat schemas.)

use serde_json::Value;

/// Every problem of `value` against `schema`, each as "path: problem".
pub fn problems(schema: &Value, value: &Value) -> Vec<String> {
    let mut found = Vec::new();
    check(schema, value, "$", &mut found);
    found
}

fn type_matches(name: &str, value: &Value) -> bool {
    match name {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "boolean" => value.is_boolean(),
        "null" => value.is_null(),
        _ => false,
    }
}

fn check(schema: &Value, value: &Value, path: &str, found: &mut Vec<String>) {
    let Some(schema) = schema.as_object() else {
        found.push(format!("{path}: the schema is not an object"));
        return;
    };
    for (keyword, rule) in schema {
        match keyword.as_str() {
            "$schema" | "title" | "description" => {}
            "type" => {
                let names: Vec<&str> = match rule {
                    Value::String(name) => vec![name.as_str()],
                    Value::Array(names) => names.iter().filter_map(Value::as_str).collect(),
                    _ => Vec::new(),
                };
                if !names.iter().any(|name| type_matches(name, value)) {
                    found.push(format!("{path}: {value} is not of type {rule}"));
                }
            }
            "const" if value != rule => found.push(format!("{path}: {value} is not {rule}")),
            "enum"
                if !rule
                    .as_array()
                    .is_some_and(|allowed| allowed.contains(value)) =>
            {
                found.push(format!("{path}: {value} is not one of {rule}"));
            }
            "const" | "enum" => {}
            "required" => {
                for name in rule
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                {
                    if value.as_object().is_some_and(|o| !o.contains_key(name)) {
                        found.push(format!("{path}: {name:?} is missing"));
                    }
                }
            }
            "properties" => {
                let (Some(object), Some(properties)) = (value.as_object(), rule.as_object()) else {
                    continue;
                };
                for (name, field) in object {
                    if let Some(field_schema) = properties.get(name) {
                        check(field_schema, field, &format!("{path}.{name}"), found);
                    }
                }
            }
            "additionalProperties" => {
                let Some(object) = value.as_object() else {
                    continue;
                };
                let declared = schema.get("properties").and_then(Value::as_object);
                for (name, field) in object {
                    if declared.is_some_and(|d| d.contains_key(name)) {
                        continue;
                    }
                    match rule {
                        Value::Bool(false) => {
                            found.push(format!("{path}: {name:?} is not allowed"));
                        }
                        Value::Bool(true) => {}
                        _ => check(rule, field, &format!("{path}.{name}"), found),
                    }
                }
            }
            "items" => {
                for (i, item) in value.as_array().into_iter().flatten().enumerate() {
                    check(rule, item, &format!("{path}[{i}]"), found);
                }
            }
            "minimum" | "maximum" => {
                let (Some(number), Some(bound)) = (value.as_f64(), rule.as_f64()) else {
                    continue;
                };
                let outside = if keyword == "minimum" {
                    number < bound
                } else {
                    number > bound
                };
                if outside {
                    found.push(format!("{path}: {number} is beyond the {keyword} {bound}"));
                }
            }
            "minProperties" | "maxProperties" => {
                let (Some(object), Some(bound)) = (value.as_object(), rule.as_u64()) else {
                    continue;
                };
                let count = object.len() as u64;
                if (keyword == "minProperties" && count < bound)
                    || (keyword == "maxProperties" && count > bound)
                {
                    found.push(format!("{path}: {count} properties, {keyword} is {bound}"));
                }
            }
            other => found.push(format!("{path}: the checker does not know {other:?}")),
        }
    }
}
