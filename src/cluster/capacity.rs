//! AWX's capacity formulas (v15/v17 `awx/main/utils/common.py`) and task impact.
//!
//! Capacity is "how many forks this node can run at once":
//! - cpu_capacity = cpu count × forks per CPU (`system_task_forks_cpu`, default 4);
//! - mem_capacity = max(1, (MiB of RAM − 2048) // MiB per fork (`system_task_forks_mem`, 100));
//! - capacity = lo + (hi − lo) × capacity_adjustment over {cpu_capacity, mem_capacity},
//!   truncated (adjustment 1.0 → the larger, 0.0 → the smaller).
//!
//! Overrides, each from the environment variable (`SYSTEM_TASK_ABS_CPU` …) or else the
//! setting of that name in lower case (the environment wins, as in AWX):
//! `system_task_abs_cpu` / `_abs_mem` replace the measured capacity (cpu / memory reported as
//! 0) — for the local node only, as AWX's isolated `awx_capacity` module ignored them;
//! `system_task_forks_capacity` replaces the combined capacity of every node.
//!
//! AWX computed an isolated node's memory capacity with true division on the node, then
//! truncated it on the controller; for non-negative values that equals the floor division used
//! here, so one formula serves both.

use serde_json::Value as Json;

use crate::crypto::Secrets;
use crate::db::Tx;
use crate::error::{Error, Result};
use crate::settings::{Setting, Typed};

/// The knobs of the formulas, resolved from settings and the environment.
#[derive(Debug, Clone, PartialEq)]
pub struct Tuning {
    pub forks_per_cpu: i64,
    pub mem_per_fork_mb: i64,
    pub abs_cpu: Option<i64>,
    pub abs_mem: Option<i64>,
    pub forks_capacity: Option<i64>,
}

impl Default for Tuning {
    fn default() -> Self {
        Tuning { forks_per_cpu: 4, mem_per_fork_mb: 100, abs_cpu: None, abs_mem: None, forks_capacity: None }
    }
}

fn setting_opt<T: Typed + Into<Option<i64>>>(tx: &mut Tx<'_>, secrets: &Secrets, setting: &Setting<T>) -> Result<Option<i64>> {
    let env_name = setting.def.key.to_ascii_uppercase();
    if let Some(v) = crate::config::env_var(&env_name) {
        // Checked like the setting of the same name (exit 78 naming the value and the range).
        return match crate::settings::check(&setting.def, &Json::String(v)) {
            Ok(checked) => Ok(checked.as_i64()),
            Err(p) => Err(Error::config(format!("environment variable {env_name}: {p}"))),
        };
    }
    Ok(crate::settings::get(tx, secrets, setting)?.into())
}

impl Tuning {
    pub fn load(tx: &mut Tx<'_>, secrets: &Secrets) -> Result<Tuning> {
        let d = Tuning::default();
        let positive = |v: Option<i64>, fallback: i64| v.filter(|x| *x > 0).unwrap_or(fallback);
        Ok(Tuning {
            forks_per_cpu: positive(setting_opt(tx, secrets, &super::SYSTEM_TASK_FORKS_CPU)?, d.forks_per_cpu),
            mem_per_fork_mb: positive(setting_opt(tx, secrets, &super::SYSTEM_TASK_FORKS_MEM)?, d.mem_per_fork_mb),
            abs_cpu: setting_opt(tx, secrets, &super::SYSTEM_TASK_ABS_CPU)?,
            abs_mem: setting_opt(tx, secrets, &super::SYSTEM_TASK_ABS_MEM)?,
            forks_capacity: setting_opt(tx, secrets, &super::SYSTEM_TASK_FORKS_CAPACITY)?,
        })
    }
}

/// Which node the numbers describe: the absolute cpu/memory overrides apply to the local node
/// only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Local,
    Remote,
}

/// `(cpu, cpu_capacity)`.
pub fn cpu_capacity(cpu: i64, t: &Tuning, scope: Scope) -> (i64, i64) {
    if scope == Scope::Local
        && let Some(abs) = t.abs_cpu
    {
        return (0, abs);
    }
    (cpu, cpu * t.forks_per_cpu)
}

/// `(memory bytes, mem_capacity)`.
pub fn mem_capacity(mem_bytes: i64, t: &Tuning, scope: Scope) -> (i64, i64) {
    if scope == Scope::Local
        && let Some(abs) = t.abs_mem
    {
        return (0, abs);
    }
    let mb = mem_bytes / 1024 / 1024;
    (mem_bytes, ((mb - 2048).div_euclid(t.mem_per_fork_mb)).max(1))
}

/// AWX's `get_system_task_capacity(scale, cpu_capacity, mem_capacity)`. The adjustment is a
/// Decimal(3,2) in AWX, so it is taken in hundredths to give exactly AWX's truncation.
pub fn combined(cpu_cap: i64, mem_cap: i64, adjustment: f64, t: &Tuning) -> i64 {
    if let Some(c) = t.forks_capacity {
        return c;
    }
    let lo = cpu_cap.min(mem_cap);
    let hi = cpu_cap.max(mem_cap);
    let hundredths = (adjustment.clamp(0.0, 1.0) * 100.0).round() as i64;
    lo + (hi - lo) * hundredths / 100
}

/// Everything the heartbeat stores about a node's capacity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Capacity {
    pub cpu: i64,
    pub memory: i64,
    pub cpu_capacity: i64,
    pub mem_capacity: i64,
    pub capacity: i64,
}

/// The full computation for a node with `cpu` CPUs and `mem_bytes` of RAM. A disabled node has
/// capacity 0 (its cpu/mem capacities are still recorded).
pub fn compute(cpu: i64, mem_bytes: i64, adjustment: f64, enabled: bool, t: &Tuning, scope: Scope) -> Capacity {
    let (cpu, cpu_capacity) = cpu_capacity(cpu, t, scope);
    let (memory, mem_capacity) = mem_capacity(mem_bytes, t, scope);
    let capacity = if enabled { combined(cpu_capacity, mem_capacity, adjustment, t) } else { 0 };
    Capacity { cpu, memory, cpu_capacity, mem_capacity, capacity }
}

/// CPUs and RAM of the machine awxm runs on (psutil's logical cpu_count and total memory).
pub fn measure_local() -> (i64, i64) {
    // SAFETY: sysconf has no preconditions.
    let (cpus, pages, page) =
        unsafe { (libc::sysconf(libc::_SC_NPROCESSORS_ONLN), libc::sysconf(libc::_SC_PHYS_PAGES), libc::sysconf(libc::_SC_PAGESIZE)) };
    (cpus.max(1), pages.max(0).saturating_mul(page.max(0)))
}

/// A job's task impact: `min(hosts, forks or 5) + 1`; without an inventory, `forks or 5`
/// stands for the host count.
pub fn job_impact(total_hosts: Option<i64>, forks: i64) -> i64 {
    let forks = if forks <= 0 { 5 } else { forks };
    let hosts = total_hosts.unwrap_or(forks);
    hosts.min(forks) + 1
}

/// Impact of a project update: 1 for a `check` update, 0 for a `run` (sync inside a job).
pub fn project_update_impact(job_type: &str) -> i64 {
    if job_type == "run" { 0 } else { 1 }
}

pub const INVENTORY_UPDATE_IMPACT: i64 = 1;

#[cfg(test)]
mod tests {
    use super::*;

    const GIB: i64 = 1024 * 1024 * 1024;

    #[test]
    fn awx_docs_example() {
        // docs/capacity.md: 4 cores → 16, 4 GiB → 20, adjustment 0.5 → 18.
        let t = Tuning::default();
        assert_eq!(cpu_capacity(4, &t, Scope::Remote), (4, 16));
        assert_eq!(mem_capacity(4 * GIB, &t, Scope::Remote), (4 * GIB, 20));
        assert_eq!(combined(16, 20, 0.5, &t), 18);
        assert_eq!(combined(16, 20, 1.0, &t), 20);
        assert_eq!(combined(16, 20, 0.0, &t), 16);
    }

    #[test]
    fn v17_example_truncates() {
        // 4 CPUs, 8 GiB: cpu 16, mem (8192 − 2048) // 100 = 61; 0.5 → 38.5 → 38.
        let t = Tuning::default();
        let c = compute(4, 8 * GIB, 0.5, true, &t, Scope::Remote);
        assert_eq!((c.cpu_capacity, c.mem_capacity, c.capacity), (16, 61, 38));
        assert_eq!(compute(4, 8 * GIB, 1.0, true, &t, Scope::Remote).capacity, 61);
        // Decimal(3,2) arithmetic: 16 + 45 × 0.33 = 30.85 → 30 (a float would agree here, but
        // not for every value; hundredths are exact).
        assert_eq!(combined(16, 61, 0.33, &t), 30);
        assert_eq!(combined(0, 100, 0.07, &t), 7);
    }

    #[test]
    fn small_memory_floors_at_one() {
        let t = Tuning::default();
        assert_eq!(mem_capacity(GIB, &t, Scope::Remote).1, 1);
        assert_eq!(mem_capacity(2 * GIB, &t, Scope::Remote).1, 1);
        assert_eq!(mem_capacity(2 * GIB + 150 * 1024 * 1024, &t, Scope::Remote).1, 1);
        assert_eq!(mem_capacity(2 * GIB + 250 * 1024 * 1024, &t, Scope::Remote).1, 2);
        // Odd byte counts are floored to whole MiB first, as AWX's `mem // 1024 // 1024`.
        assert_eq!(mem_capacity(16 * GIB - 1, &t, Scope::Remote).1, (16383 - 2048) / 100);
    }

    #[test]
    fn tuning_and_overrides() {
        let t = Tuning { forks_per_cpu: 2, mem_per_fork_mb: 50, ..Tuning::default() };
        assert_eq!(cpu_capacity(8, &t, Scope::Remote), (8, 16));
        assert_eq!(mem_capacity(4 * GIB, &t, Scope::Remote).1, 40);
        let t = Tuning { abs_cpu: Some(7), abs_mem: Some(9), ..Tuning::default() };
        assert_eq!(cpu_capacity(8, &t, Scope::Local), (0, 7));
        assert_eq!(mem_capacity(4 * GIB, &t, Scope::Local), (0, 9));
        // The absolute overrides describe the local machine, never a probed node.
        assert_eq!(cpu_capacity(8, &t, Scope::Remote), (8, 32));
        let t = Tuning { forks_capacity: Some(5), ..Tuning::default() };
        assert_eq!(compute(4, 8 * GIB, 1.0, true, &t, Scope::Remote).capacity, 5);
        assert_eq!(compute(4, 8 * GIB, 1.0, false, &t, Scope::Remote).capacity, 0);
    }

    #[test]
    fn task_impact() {
        assert_eq!(job_impact(Some(100), 0), 6);
        assert_eq!(job_impact(Some(3), 0), 4);
        assert_eq!(job_impact(Some(100), 20), 21);
        assert_eq!(job_impact(None, 0), 6);
        assert_eq!(job_impact(None, 10), 11);
        assert_eq!(project_update_impact("check"), 1);
        assert_eq!(project_update_impact("run"), 0);
    }

    #[test]
    fn local_measurement_is_sane() {
        let (cpu, mem) = measure_local();
        assert!(cpu >= 1);
        assert!(mem > 64 * 1024 * 1024);
    }
}
