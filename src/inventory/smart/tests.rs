//! The host_filter grammar and evaluator, as a table of cases over a few hosts.

use serde_json::json;

use super::eval::{self, Candidate, GroupData, HostData, InventoryData, JobData, OrganizationData};
use super::filter::{Expr, Term, parse};

struct World {
    hosts: Vec<HostData>,
    groups: Vec<Vec<GroupData>>,
    inventories: Vec<InventoryData>,
    org: OrganizationData,
    job: JobData,
}

fn group(id: i64, name: &str) -> GroupData {
    GroupData { id, name: name.into(), description: String::new(), variables: "{}".into() }
}

fn world() -> World {
    let host = |id: i64, name: &str, desc: &str, enabled: bool, inv: i64, facts: serde_json::Value| HostData {
        id,
        name: name.into(),
        description: desc.into(),
        enabled,
        instance_id: if id == 1 { "i-1".into() } else { String::new() },
        variables: if id == 2 { r#"{"role": "db"}"#.into() } else { "{}".into() },
        has_active_failures: id == 3,
        created: "2026-01-01T00:00:00.000000Z".into(),
        modified: "2026-01-01T00:00:00.000000Z".into(),
        facts_modified: (id != 4).then(|| "2026-01-02T00:00:00.000000Z".into()),
        inventory_id: inv,
        last_job_id: (id == 1).then_some(7),
        facts: facts.to_string(),
    };
    World {
        hosts: vec![
            host(
                1,
                "web1",
                "Front end",
                true,
                1,
                json!({"ansible_distribution": "Ubuntu", "ansible_processor_vcpus": 4, "ansible_processor": ["0", "GenuineIntel"],
                       "ansible_local": {"app": {"tier": "web", "port": 8080}}, "disks": [{"name": "sda", "size": 100}], "n": "null"}),
            ),
            host(2, "db1", "Database", true, 1, json!({"ansible_distribution": "CentOS", "ansible_processor_vcpus": 8, "n": "\"null\""})),
            host(3, "WEB2", "", false, 2, json!({"ansible_distribution": "Ubuntu", "ansible_processor_vcpus": 4.0, "x": null})),
            host(4, "cache 1", "", true, 2, json!({})),
        ],
        groups: vec![vec![group(10, "web"), group(11, "prod")], vec![group(12, "db"), group(11, "prod")], vec![group(13, "web")], vec![]],
        inventories: vec![
            InventoryData {
                name: "Production".into(),
                description: "prod hosts".into(),
                kind: String::new(),
                variables: "{}".into(),
                organization_id: Some(1),
            },
            InventoryData {
                name: "Staging".into(),
                description: String::new(),
                kind: String::new(),
                variables: "{}".into(),
                organization_id: None,
            },
        ],
        org: OrganizationData { name: "Eng".into(), description: String::new() },
        job: JobData { name: "deploy".into(), status: "failed".into(), failed: true },
    }
}

/// The names of the hosts the filter selects.
fn select(w: &World, e: &Expr) -> Vec<String> {
    let mut out = Vec::new();
    for (i, h) in w.hosts.iter().enumerate() {
        let mut c = Candidate::new(h);
        c.groups = &w.groups[i];
        let inv = &w.inventories[(h.inventory_id - 1) as usize];
        c.inventory = Some(inv);
        c.organization = inv.organization_id.map(|_| &w.org);
        c.last_job = h.last_job_id.map(|_| &w.job);
        if eval::matches(&c, e) {
            out.push(h.name.clone());
        }
    }
    out
}

#[test]
fn filter_cases() {
    let w = world();
    let cases: &[(&str, &[&str])] = &[
        // Plain fields and lookups.
        ("name=web1", &["web1"]),
        ("name=WEB1", &[]),
        ("name__iexact=WEB1", &["web1"]),
        ("name__icontains=web", &["web1", "WEB2"]),
        ("name__contains=web", &["web1"]),
        ("name__startswith=db", &["db1"]),
        ("name__istartswith=w", &["web1", "WEB2"]),
        ("name__endswith=1", &["web1", "db1", "cache 1"]),
        ("name__regex=^[a-z]+[0-9]$", &["web1", "db1"]),
        ("name__iregex=^web", &["web1", "WEB2"]),
        ("name__gt=db1", &["web1"]),
        ("name=\"cache 1\"", &["cache 1"]),
        ("\"name\"=db1", &["db1"]),
        ("description=\"\"", &["WEB2", "cache 1"]),
        ("instance_id=i-1", &["web1"]),
        ("variables__icontains=ROLE", &["db1"]),
        ("id=2", &["db1"]),
        ("id__gte=3", &["WEB2", "cache 1"]),
        ("pk__lt=2", &["web1"]),
        // Typed values.
        ("enabled=true", &["web1", "db1", "cache 1"]),
        ("enabled=false", &["WEB2"]),
        ("enabled=\"False\"", &["WEB2"]),
        ("has_active_failures=true", &["WEB2"]),
        ("name=null", &[]),
        ("last_job=null", &["db1", "WEB2", "cache 1"]),
        ("last_job__isnull=false", &["web1"]),
        ("ansible_facts_modified=null", &["cache 1"]),
        // Relations.
        ("groups__name=web", &["web1", "WEB2"]),
        ("groups__name=prod", &["web1", "db1"]),
        ("groups__name=web and groups__name=prod", &["web1"]),
        ("groups__name__isnull=true", &["cache 1"]),
        ("groups=12", &["db1"]),
        ("inventory__name=Staging", &["WEB2", "cache 1"]),
        ("inventory=1", &["web1", "db1"]),
        ("inventory__organization__name=Eng", &["web1", "db1"]),
        ("inventory__organization=null", &["WEB2", "cache 1"]),
        ("last_job__status=failed", &["web1"]),
        ("last_job__failed=true", &["web1"]),
        // search.
        ("search=base", &["db1"]),
        ("search=WEB", &["web1", "WEB2"]),
        ("search=front", &["web1"]),
        ("inventory__search=PROD", &["web1", "db1"]),
        // Precedence and parentheses: and binds tighter than or.
        ("name=web1 or name=db1 and enabled=false", &["web1"]),
        ("(name=web1 or name=db1) and enabled=true", &["web1", "db1"]),
        ("name=web1 or (name=db1 and enabled=false)", &["web1"]),
        ("name=db1 and enabled=true or name=WEB2", &["db1", "WEB2"]),
        ("((name=db1))", &["db1"]),
        ("name=a or name=b or name=cache\u{20}", &[]),
        ("groups__name=web and (enabled=true or inventory__name=Staging)", &["web1", "WEB2"]),
        // ansible_facts containment.
        ("ansible_facts__ansible_distribution=Ubuntu", &["web1", "WEB2"]),
        ("ansible_facts__ansible_distribution__exact=CentOS", &["db1"]),
        ("ansible_facts__ansible_processor_vcpus=4", &["web1", "WEB2"]),
        ("ansible_facts__ansible_processor_vcpus=\"4\"", &[]),
        ("ansible_facts__ansible_processor_vcpus=8.0", &["db1"]),
        ("ansible_facts__ansible_processor[]=GenuineIntel", &["web1"]),
        ("ansible_facts__ansible_processor[]=0", &[]),
        ("ansible_facts__ansible_processor[]=\"0\"", &["web1"]),
        ("ansible_facts__ansible_local__app__tier=web", &["web1"]),
        ("ansible_facts__ansible_local__app__port=8080", &["web1"]),
        ("ansible_facts__disks[]__name=sda", &["web1"]),
        ("ansible_facts__disks[]__size=100", &["web1"]),
        ("ansible_facts__x=null", &["WEB2"]),
        ("ansible_facts__n=\"null\"", &["db1"]),
        ("ansible_facts__n=null", &[]),
        ("ansible_facts__ansible_distribution=Ubuntu and enabled=true", &["web1"]),
        ("ansible_facts__ansible_distribution=Ubuntu or ansible_facts__ansible_distribution=CentOS", &["web1", "db1", "WEB2"]),
    ];
    let mut failures = Vec::new();
    for (filter, want) in cases {
        match parse(filter) {
            Ok(e) => {
                let got = select(&w, &e);
                if got != *want {
                    failures.push(format!("{filter}: got {got:?}, want {want:?}"));
                }
            }
            Err(e) => failures.push(format!("{filter}: {e}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn value_typing() {
    use super::filter::{Field, Lookup, Operand};
    let t = |s: &str| match parse(s).unwrap() {
        Expr::Term(t) => t,
        e => panic!("{e:?}"),
    };
    assert_eq!(t("ansible_facts__a=1"), Term::Facts(json!({"a": 1}).into()));
    assert_eq!(t("ansible_facts__a=-1.5"), Term::Facts(json!({"a": -1.5}).into()));
    assert_eq!(t("ansible_facts__a=true"), Term::Facts(json!({"a": true}).into()));
    assert_eq!(t("ansible_facts__a=\"true\""), Term::Facts(json!({"a": "true"}).into()));
    assert_eq!(t("ansible_facts__a=null"), Term::Facts(json!({"a": null}).into()));
    assert_eq!(t("ansible_facts__a=\"null\""), Term::Facts(json!({"a": "\"null\""}).into()));
    assert_eq!(t("ansible_facts__a=1.0.0"), Term::Facts(json!({"a": "1.0.0"}).into()));
    assert_eq!(t("ansible_facts__a[]__b[]=x"), Term::Facts(json!({"a": [{"b": ["x"]}]}).into()));
    assert_eq!(t("ansible_facts__a=\"\""), Term::Facts(json!({"a": ""}).into()));
    // Values are converted for the field: a number for a text field is its text.
    assert_eq!(t("name=007"), Term::Field { field: Field::HostName, lookup: Lookup::Exact, operand: Operand::Text("7".into()) });
    assert_eq!(t("name=1.50"), Term::Field { field: Field::HostName, lookup: Lookup::Exact, operand: Operand::Text("1.5".into()) });
    assert_eq!(t("name=true"), Term::Field { field: Field::HostName, lookup: Lookup::Exact, operand: Operand::Text("True".into()) });
    assert_eq!(t("enabled=1"), Term::Field { field: Field::HostEnabled, lookup: Lookup::Exact, operand: Operand::Bool(true) });
    assert_eq!(t("id=\"3\""), Term::Field { field: Field::HostId, lookup: Lookup::Exact, operand: Operand::Int(3) });
    assert_eq!(t("name=null"), Term::Field { field: Field::HostName, lookup: Lookup::IsNull, operand: Operand::Bool(true) });
    assert_eq!(t("search=5"), Term::Search { inventory: false, needle: "5".into() });
}

#[test]
fn precedence_shapes() {
    let a = parse("name=1 or name=2 and name=3").unwrap();
    match a {
        Expr::Or(l, r) => {
            assert!(matches!(*l, Expr::Term(_)));
            assert!(matches!(*r, Expr::And(_, _)));
        }
        e => panic!("{e:?}"),
    }
    // Left-associative.
    match parse("name=a and name=b and name=c").unwrap() {
        Expr::And(l, r) => {
            assert!(matches!(*l, Expr::And(_, _)));
            assert!(matches!(*r, Expr::Term(_)));
        }
        e => panic!("{e:?}"),
    }
}

#[test]
fn errors_name_the_position() {
    let cases: &[(&str, usize, &str)] = &[
        ("", 1, "empty"),
        ("   ", 1, "empty"),
        ("name", 5, "expected \"=\" after name"),
        ("name=", 6, "expected a value"),
        ("name=a and", 11, "expected a term"),
        ("name=a AND name=b", 8, "expected \"and\" or \"or\""),
        ("name=a name=b", 8, "expected \"and\" or \"or\""),
        ("(name=a", 1, "unclosed"),
        ("name=a)", 7, "unmatched"),
        ("()", 2, "unexpected \")\""),
        ("=a", 1, "unexpected \"=\""),
        ("name=\"abc", 6, "unterminated"),
        ("nmae=web", 1, "unknown field nmae"),
        ("name=a or groups__nmae=x", 11, "unknown field groups__nmae"),
        ("groups__search=x", 1, "No related field named groups"),
        ("ansible_facts__a__icontains=x", 1, "does not support searching with __icontains"),
        ("enabled=maybe", 9, "true or false"),
        ("id=abc", 4, "must be a number"),
        ("name__regex=\"(\"", 13, "bad regular expression"),
        ("name__in=a,b", 1, "__in is not supported"),
        ("name__gt=null", 10, "null cannot be used"),
        ("id=99999999999999999999999999999999999999999", 4, "out of range"),
    ];
    let mut failures = Vec::new();
    for (filter, pos, msg) in cases {
        match parse(filter) {
            Ok(e) => failures.push(format!("{filter:?}: parsed as {e:?}")),
            Err(e) => {
                if e.pos != *pos || !e.message.contains(msg) {
                    failures.push(format!("{filter:?}: got {} at {}, want {msg:?} at {pos}", e.message, e.pos));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn pointer_marks_the_character() {
    assert_eq!(super::pointer("name=a\tAND b", 8), ("name=a AND b".to_string(), "       ^".to_string()));
}

#[test]
fn facts_needles() {
    let Expr::Term(Term::Facts(q)) = parse(r#"ansible_facts__a[]__b="x y""#).unwrap() else { panic!() };
    assert_eq!(q.needles, vec!["\"x y\"", "\"a\"", "\"b\""]);
    // Strings some writers escape are not needles; numbers never are.
    let Expr::Term(Term::Facts(q)) = parse(r#"ansible_facts__path="/usr" or ansible_facts__n=1"#)
        .map(|e| match e {
            Expr::Or(l, _) => *l,
            e => e,
        })
        .unwrap()
    else {
        panic!()
    };
    assert_eq!(q.needles, vec!["\"path\""]);
    // A document with the needle in an escaped form still matches (the needle was not used).
    let h = HostData { facts: r#"{"path": "\/usr"}"#.into(), ..Default::default() };
    assert!(eval::matches(&Candidate::new(&h), &parse("ansible_facts__path=\"/usr\"").unwrap()));
    let h = HostData { facts: r#"{"a": [{"b": "x y"}]}"#.into(), ..Default::default() };
    assert!(eval::matches(&Candidate::new(&h), &parse(r#"ansible_facts__a[]__b="x y""#).unwrap()));
    let h = HostData { facts: r#"{"a": [{"b": "x z"}], "c": "x y"}"#.into(), ..Default::default() };
    assert!(!eval::matches(&Candidate::new(&h), &parse(r#"ansible_facts__a[]__b="x y""#).unwrap()));
}

#[test]
fn containment() {
    use eval::contains;
    assert!(contains(&json!({"a": [1, 2, 3]}), &json!({"a": [3, 1]})));
    assert!(!contains(&json!({"a": [1, 2]}), &json!({"a": [4]})));
    assert!(contains(&json!({"a": {"b": 1, "c": 2}}), &json!({"a": {"b": 1}})));
    assert!(!contains(&json!({"a": {"b": 1}}), &json!({"a": {"b": 1, "c": 2}})));
    assert!(!contains(&json!({"a": 1}), &json!({"a": "1"})));
    assert!(contains(&json!({"a": 10}), &json!({"a": 10})));
    assert!(!contains(&json!({"a": 10}), &json!({"a": 1})));
    assert!(contains(&json!({"a": -0}), &json!({"a": 0})));
    assert!(!contains(&json!({"a": [1]}), &json!({"a": 1})));
    assert!(contains(&json!({}), &json!({})));
}
