//! Launching unified jobs: prompts and surveys. [`job_overrides`] checks a job template's
//! launch-time prompts against its `ask_*_on_launch` flags and its survey, for `awxm launch`
//! (a prompt the template does not ask for is refused) and for schedules (checked when the
//! schedule is applied; at launch a prompt the template stopped asking for is dropped and
//! logged, as AWX does).

pub mod survey;

use serde_json::{Map, Value as Json};

use crate::crypto::Secrets;
use crate::db::Tx;
use crate::error::{Error, Result};
use crate::runner::job::Overrides;

/// A job template's launch-time prompts, references resolved to ids.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Prompts {
    pub extra_vars: Map<String, Json>,
    pub limit: Option<String>,
    pub job_tags: Option<String>,
    pub skip_tags: Option<String>,
    pub job_type: Option<String>,
    pub verbosity: Option<i64>,
    pub inventory_id: Option<i64>,
    pub credential_ids: Option<Vec<i64>>,
    pub scm_branch: Option<String>,
    pub diff_mode: Option<bool>,
    pub forks: Option<i64>,
    pub timeout: Option<i64>,
    pub instance_group_id: Option<i64>,
}

/// What to do with a prompt the template does not ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unasked {
    /// Refuse the launch (exit 65, naming each).
    Refuse,
    /// Drop it and go on (a scheduled launch); the dropped prompts are returned.
    Drop,
}

/// Each prompt given, with its option name and the flag that must allow it.
fn given(p: &Prompts) -> Vec<(&'static str, &'static str)> {
    let mut v = Vec::new();
    let mut add = |given: bool, prompt: &'static str, ask: &'static str| {
        if given {
            v.push((prompt, ask));
        }
    };
    add(p.limit.is_some(), "limit", "ask_limit_on_launch");
    add(p.job_tags.is_some(), "tags", "ask_tags_on_launch");
    add(p.skip_tags.is_some(), "skip-tags", "ask_skip_tags_on_launch");
    add(p.job_type.is_some(), "job-type", "ask_job_type_on_launch");
    add(p.verbosity.is_some(), "verbosity", "ask_verbosity_on_launch");
    add(p.inventory_id.is_some(), "inventory", "ask_inventory_on_launch");
    add(p.credential_ids.is_some(), "credential", "ask_credential_on_launch");
    add(p.scm_branch.is_some(), "scm-branch", "ask_scm_branch_on_launch");
    add(p.diff_mode.is_some(), "diff", "ask_diff_mode_on_launch");
    add(p.forks.is_some(), "forks", "ask_forks_on_launch");
    add(p.timeout.is_some(), "timeout", "ask_timeout_on_launch");
    add(p.instance_group_id.is_some(), "instance-group", "ask_instance_groups_on_launch");
    v
}

fn clear(p: &mut Prompts, prompt: &str) {
    match prompt {
        "limit" => p.limit = None,
        "tags" => p.job_tags = None,
        "skip-tags" => p.skip_tags = None,
        "job-type" => p.job_type = None,
        "verbosity" => p.verbosity = None,
        "inventory" => p.inventory_id = None,
        "credential" => p.credential_ids = None,
        "scm-branch" => p.scm_branch = None,
        "diff" => p.diff_mode = None,
        "forks" => p.forks = None,
        "timeout" => p.timeout = None,
        "instance-group" => p.instance_group_id = None,
        _ => {}
    }
}

/// Whether a job template takes the prompts; the prompts it refuses, each as
/// `--limit (ask_limit_on_launch is false)`. Extra variables are allowed by
/// `ask_variables_on_launch`, or (only the survey's variables) by an enabled survey.
pub fn refused(tx: &mut Tx<'_>, template_id: i64, p: &Prompts) -> Result<Vec<String>> {
    let t = tx.query_one("SELECT * FROM job_template WHERE id = $1", crate::params![template_id])?;
    let mut out = Vec::new();
    for (prompt, ask) in given(p) {
        if !t.col::<bool>(ask)? {
            out.push(format!("--{prompt} ({ask} is false)"));
        }
    }
    let ask_vars: bool = t.col("ask_variables_on_launch")?;
    let spec: Json = serde_json::from_str(&t.col::<String>("survey_spec")?).unwrap_or(Json::Null);
    let survey = t.col::<bool>("survey_enabled")? && spec.as_object().is_some_and(|m| !m.is_empty());
    if survey {
        let unknown = survey::unknown_variables(&spec, &p.extra_vars);
        if !unknown.is_empty() && !ask_vars {
            out.push(format!("--extra-vars {} (not in the survey, and ask_variables_on_launch is false)", unknown.join(", ")));
        }
    } else if !p.extra_vars.is_empty() && !ask_vars {
        out.push("--extra-vars (ask_variables_on_launch is false)".into());
    }
    Ok(out)
}

/// Check the prompts against job template `tid` (named `name` in messages) and build the
/// job's overrides (nothing written). With [`Unasked::Drop`], prompts the template does not
/// ask for are left out and described in the second value.
pub fn job_overrides(
    tx: &mut Tx<'_>,
    secrets: &Secrets,
    prompts: &Prompts,
    tid: i64,
    name: &str,
    unasked: Unasked,
    launch_type: &str,
) -> Result<(Overrides, Vec<String>)> {
    let mut p = prompts.clone();
    let refused = refused(tx, tid, &p)?;
    if !refused.is_empty() && unasked == Unasked::Refuse {
        return Err(Error::data(format!("job template {name:?} does not ask for {} on launch", refused.join(", "))));
    }
    let t = tx.query_one("SELECT * FROM job_template WHERE id = $1", crate::params![tid])?;
    let ask_vars: bool = t.col("ask_variables_on_launch")?;
    let spec: Json = serde_json::from_str(&t.col::<String>("survey_spec")?).unwrap_or(Json::Null);
    let survey = t.col::<bool>("survey_enabled")? && spec.as_object().is_some_and(|m| !m.is_empty());
    // Dropping: remove what the template does not take.
    for (prompt, ask) in given(&p) {
        if !t.col::<bool>(ask)? {
            clear(&mut p, prompt);
        }
    }
    if !ask_vars {
        if survey {
            for v in survey::unknown_variables(&spec, &p.extra_vars) {
                p.extra_vars.remove(&v);
            }
        } else {
            p.extra_vars.clear();
        }
    }
    let mut extra = p.extra_vars.clone();
    let mut start_args = None;
    if survey {
        match survey::apply(&spec, &extra) {
            Ok(answers) => extra.extend(answers),
            Err(errors) => {
                return Err(Error::data(format!("job template {name:?}: the survey refuses the answers: {}", errors.join("; "))));
            }
        }
        // Password answers are kept encrypted (start_args), never in extra_vars.
        let mut hidden = Map::new();
        for var in survey::password_variables(&spec) {
            if let Some(v) = extra.get_mut(&var) {
                hidden.insert(var.clone(), std::mem::replace(v, Json::from(crate::crypto::REDACTED)));
            }
        }
        if !hidden.is_empty() {
            start_args = Some(secrets.encrypt(&Json::Object(hidden).to_string(), "start_args")?);
        }
    }
    let mut missing = Vec::new();
    if t.col::<Option<i64>>("project_id")?.is_none() {
        missing.push("project");
    }
    if t.col::<Option<i64>>("inventory_id")?.is_none() && p.inventory_id.is_none() {
        missing.push("inventory (and none was given with --inventory)");
    }
    if !missing.is_empty() {
        return Err(Error::data(format!("job template {name:?} cannot be launched: it has no {}", missing.join(" and no "))));
    }
    let ov = Overrides {
        limit: p.limit,
        extra_vars: extra,
        job_tags: p.job_tags,
        skip_tags: p.skip_tags,
        job_type: p.job_type,
        verbosity: p.verbosity,
        forks: p.forks,
        diff_mode: p.diff_mode,
        timeout: p.timeout,
        launch_type: Some(launch_type.into()),
        instance_group_id: p.instance_group_id,
        inventory_id: p.inventory_id,
        credential_ids: p.credential_ids,
        scm_branch: p.scm_branch,
        start_args,
    };
    Ok((ov, refused))
}
