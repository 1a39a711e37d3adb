//! Where in a document a reading error is: the document is written out one value per line,
//! with the path of each line noted, so serde_json's line number names the field.
//! (A small stand-in for a path-tracking deserializer, at a fraction of its code size.)

use serde_json::Value;

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn write(v: &Value, path: &str, out: &mut String, paths: &mut Vec<String>) {
    match v {
        Value::Object(m) if !m.is_empty() => {
            out.push_str("{\n");
            let n = m.len();
            for (i, (k, child)) in m.iter().enumerate() {
                let p = join(path, k);
                paths.push(p.clone());
                out.push_str(&serde_json::to_string(k).expect("a key"));
                out.push_str(": ");
                write(child, &p, out, paths);
                out.push_str(if i + 1 < n { ",\n" } else { "\n" });
            }
            paths.push(path.to_owned());
            out.push('}');
        }
        Value::Array(a) if !a.is_empty() => {
            out.push_str("[\n");
            let n = a.len();
            for (i, child) in a.iter().enumerate() {
                let p = format!("{path}[{i}]");
                paths.push(p.clone());
                write(child, &p, out, paths);
                out.push_str(if i + 1 < n { ",\n" } else { "\n" });
            }
            paths.push(path.to_owned());
            out.push(']');
        }
        scalar => out.push_str(&scalar.to_string()),
    }
}

/// The document as text, one value per line, and the path each line belongs to.
pub fn lines_with_paths(v: &Value) -> (String, Vec<String>) {
    let mut out = String::new();
    let mut paths = vec![String::new()];
    write(v, "", &mut out, &mut paths);
    (out, paths)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn each_line_knows_its_path() {
        let v = json!({"a": 1, "b": {"c": [true, {"d": null}]}, "e": []});
        let (text, paths) = lines_with_paths(&v);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), paths.len());
        let find = |s: &str| paths[lines.iter().position(|l| l.contains(s)).unwrap()].clone();
        assert_eq!(find("\"a\": 1"), "a");
        assert_eq!(find("true"), "b.c[0]");
        assert_eq!(find("\"d\": null"), "b.c[1].d");
        assert_eq!(find("\"e\": []"), "e");
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), v);
    }
}
