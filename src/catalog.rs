//! The catalog of every setting: the one place that lists the subsystems' [`Setting`] statics,
//! for `awxm settings list|get|set|unset` (key lookup, validation of a value given by name).
//! Nothing imports this module but the settings command: the subsystems define their settings
//! next to the code that reads them and read them through their static, never by name, so
//! `settings.rs` imports none of them.
//!
//! [`Setting`]: crate::settings::Setting

use crate::error::{Error, Result};
use crate::settings::{self, SettingDef};
use crate::{analytics, cleanup, cluster, inventory, license, notifications, runner, schedule, taskmanager};

/// Every known setting, in a stable order (`settings list` sorts by key).
pub static ALL: &[&SettingDef] = &[
    &settings::INSTALL_UUID.def,
    &settings::TOWER_URL_BASE.def,
    &settings::PROJECTS_ROOT.def,
    &settings::JOB_OUTPUT_DIR.def,
    &settings::SSH_KNOWN_HOSTS.def,
    &inventory::run::DEFAULT_INVENTORY_UPDATE_TIMEOUT.def,
    &inventory::run::INVENTORY_SOURCE_MAX_OUTPUT.def,
    &runner::job::DEFAULT_JOB_TIMEOUT.def,
    &runner::job::MAX_FORKS.def,
    &runner::facts::ANSIBLE_FACT_CACHE_TIMEOUT.def,
    &runner::job::ALLOW_JINJA_IN_EXTRA_VARS.def,
    &runner::job::AWX_TASK_ENV.def,
    &runner::job::AWX_ISOLATION_BASE_PATH.def,
    &runner::job::AWX_CLEANUP_PATHS.def,
    &runner::job::JOB_TERMINATION_GRACE_PERIOD.def,
    &runner::job::AWX_ISOLATED_CHECK_INTERVAL.def,
    &runner::job::ISOLATED_NODE_GRACE_PERIOD.def,
    &taskmanager::START_TASK_LIMIT.def,
    &taskmanager::TASK_MANAGER_TIMEOUT.def,
    &taskmanager::AWX_CONTROL_NODE_TASK_IMPACT.def,
    &taskmanager::dispatcher::DISPATCHER_POLL_INTERVAL.def,
    &schedule::SCHEDULE_MAX_JOBS.def,
    &runner::adhoc::AD_HOC_COMMANDS.def,
    &schedule::SCHEDULE_TICK_SECONDS.def,
    &taskmanager::dispatcher::DISPATCHER_STOP_CANCELS_JOBS.def,
    &cluster::SYSTEM_TASK_FORKS_CPU.def,
    &cluster::SYSTEM_TASK_FORKS_MEM.def,
    &cluster::SYSTEM_TASK_ABS_CPU.def,
    &cluster::SYSTEM_TASK_ABS_MEM.def,
    &cluster::SYSTEM_TASK_FORKS_CAPACITY.def,
    &cluster::CLUSTER_NODE_HEARTBEAT_PERIOD.def,
    &cluster::CLUSTER_NODE_MISSED_HEARTBEAT_TOLERANCE.def,
    &cluster::AWX_AUTO_DEPROVISION_INSTANCES.def,
    &cluster::AWX_ISOLATED_CONNECTION_TIMEOUT.def,
    &cluster::AWX_ISOLATED_PERIODIC_CHECK.def,
    &cluster::AWX_ISOLATED_USERNAME.def,
    &cluster::ISOLATED_WORK_DIR.def,
    &license::LICENSE_PUBLIC_KEY.def,
    &license::LICENSE_ALLOW_UNSIGNED.def,
    &license::TOWER_ADMIN_ALERTS.def,
    &license::LICENSE_ALERT_INTERVAL.def,
    &notifications::email::EMAIL_HOST.def,
    &notifications::email::EMAIL_PORT.def,
    &notifications::email::EMAIL_HOST_USER.def,
    &notifications::email::EMAIL_HOST_PASSWORD.def,
    &notifications::email::EMAIL_USE_TLS.def,
    &notifications::email::EMAIL_USE_SSL.def,
    &notifications::email::DEFAULT_FROM_EMAIL.def,
    &notifications::email::EMAIL_TIMEOUT.def,
    &notifications::email::EMAIL_TLS_CA_FILE.def,
    &analytics::INSIGHTS_TRACKING_STATE.def,
    &analytics::AUTOMATION_ANALYTICS_URL.def,
    &analytics::REDHAT_USERNAME.def,
    &analytics::REDHAT_PASSWORD.def,
    &analytics::SUBSCRIPTIONS_USERNAME.def,
    &analytics::SUBSCRIPTIONS_PASSWORD.def,
    &analytics::AUTOMATION_ANALYTICS_GATHER_INTERVAL.def,
    &analytics::LAST_GATHER_SETTING.def,
    &analytics::LAST_ENTRIES_SETTING.def,
    &analytics::INSIGHTS_AGENT_MIME.def,
    &analytics::INSIGHTS_CERT_PATH.def,
    &analytics::AUTOMATION_ANALYTICS_CONNECT_TIMEOUT.def,
    &analytics::AUTOMATION_ANALYTICS_READ_TIMEOUT.def,
    &analytics::AUTOMATION_ANALYTICS_UPLOAD_RETRIES.def,
    &analytics::AUTOMATION_ANALYTICS_RETRY_BACKOFF.def,
    &analytics::AUTOMATION_ANALYTICS_MAX_TABLE_SIZE.def,
    &analytics::SUBSCRIPTION_USAGE_MODEL.def,
    &cleanup::stdout::LOCAL_STDOUT_EXPIRE_TIME.def,
];

pub fn lookup(key: &str) -> Option<&'static SettingDef> {
    ALL.iter().copied().find(|d| d.key == key)
}

/// Refuse unknown keys, suggesting near matches.
pub fn known(key: &str) -> Result<&'static SettingDef> {
    lookup(key).ok_or_else(|| {
        let near: Vec<&str> =
            ALL.iter().map(|d| d.key).filter(|k| k.contains(key) || key.contains(k) || shared_prefix(k, key) >= 6).collect();
        let mut e = Error::data(format!("unknown setting {key:?}"));
        if !near.is_empty() {
            e = e.detail(format!("did you mean: {}", near.join(", ")));
        }
        e.detail("`awxm settings list` shows every setting")
    })
}

fn shared_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value as Json, json};
    use settings::{check, default_of};

    #[test]
    fn every_default_fits_its_kind() {
        for d in ALL {
            let v = default_of(d);
            assert!(check(d, &v).is_ok(), "{}: default {} does not fit {:?}", d.key, d.default, d.kind);
        }
    }

    #[test]
    fn a_duration_default_reads_as_its_seconds_as_a_stored_value_does() {
        assert_eq!(default_of(&crate::license::LICENSE_ALERT_INTERVAL.def), json!(604800));
    }

    #[test]
    fn keys_are_unique_and_a_secret_exists() {
        let mut keys: Vec<&str> = ALL.iter().map(|d| d.key).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), ALL.len());
        assert!(ALL.iter().any(|d| d.secret));
    }

    /// Every setting defined in the sources (`new` or `secret` with a literal key) is listed here
    /// (a setting missing from [`ALL`] could not be shown, set or unset).
    #[test]
    fn every_defined_setting_is_listed() {
        fn walk(dir: &std::path::Path, found: &mut Vec<(String, String)>) {
            for e in std::fs::read_dir(dir).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    walk(&p, found);
                } else if p.extension().is_some_and(|x| x == "rs") {
                    let text = std::fs::read_to_string(&p).unwrap();
                    for part in text.split("Setting::").skip(1) {
                        let Some(rest) = part.strip_prefix("new(").or_else(|| part.strip_prefix("secret(")) else { continue };
                        let rest = rest.trim_start();
                        if let Some(lit) = rest.strip_prefix('"') {
                            let key = lit.split('"').next().unwrap_or_default();
                            found.push((key.to_string(), p.display().to_string()));
                        }
                    }
                }
            }
        }
        let mut found = Vec::new();
        walk(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut found);
        assert!(found.len() >= 40, "only {} settings found", found.len());
        for (key, file) in found {
            assert!(lookup(&key).is_some(), "setting {key} ({file}) is not listed in catalog::ALL");
        }
    }

    #[test]
    fn values_are_checked_and_normalised() {
        let k = |key: &str| lookup(key).unwrap();
        assert_eq!(check(k("max_forks"), &json!("25")), Ok(json!(25)));
        assert!(check(k("max_forks"), &json!("abc")).unwrap_err().contains("0 to 2147483647"));
        assert!(check(k("max_forks"), &json!(-1)).unwrap_err().contains("out of range"));
        assert_eq!(check(k("insights_tracking_state"), &json!("Yes")), Ok(json!(true)));
        assert_eq!(check(k("insights_tracking_state"), &json!(0)), Ok(json!(false)));
        assert!(check(k("insights_tracking_state"), &json!("maybe")).unwrap_err().contains("true or false"));
        assert_eq!(check(k("default_job_timeout"), &json!("2h")), Ok(json!(7200)));
        assert!(check(k("default_job_timeout"), &json!(1e23)).unwrap_err().contains("out of range"));
        assert!(check(k("default_job_timeout"), &json!(1.5)).unwrap_err().contains("whole"));
        assert!(check(k("job_termination_grace_period"), &json!(-5)).is_err());
        assert_eq!(check(k("job_termination_grace_period"), &json!(0.5)), Ok(json!(0.5)));
        assert!(check(k("allow_jinja_in_extra_vars"), &json!("sometimes")).is_err());
        assert_eq!(check(k("system_task_abs_cpu"), &json!("")), Ok(Json::Null));
        assert!(check(k("awx_task_env"), &json!([1])).is_err());
        assert_eq!(check(k("tower_url_base"), &json!(5)), Ok(json!("5")));
    }
}
