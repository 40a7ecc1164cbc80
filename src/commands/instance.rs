//! `awxm instance register|deregister`: add nodes to the cluster and remove them.

use serde::Serialize;

use crate::cluster::instances::{self, Deregistered, Registered, Registration};
use crate::context::Ctx;
use crate::error::Result;
use crate::output::{Human, Report};

#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
EXAMPLES:
  awxm instance register ctl1.example.com --node-type control --group tower
  awxm instance register iso1.example.com --node-type isolated --controller-group tower \\
       --ssh-user awx --credential iso-key --ansible-bin-dir /opt/ansible/bin
  awxm instance register iso2 --node-type isolated --group remote --ssh-host 10.0.0.7 --ssh-port 2222
  awxm instance deregister iso2.example.com
  awxm instance deregister iso2.example.com --force   # fail its running jobs and remove it

Registering is idempotent: an existing instance gets the fields given and keeps the others.
`--controller-group G` makes the node's groups controlled by G (G must exist and hold the
control nodes that run `awxm isolated_heartbeat`); without `--group` the node joins the group
`G-<node type>`. Instances and groups can also be managed with `awxm apply` (keys `instances:` and `instance_groups:`).

JSON OUTPUT (--format json):
  register:   {\"format_version\": 1, \"hostname\", \"id\", \"created\": bool, \"changed\": [field...],
               \"node_type\", \"joined\": [group...], \"groups_created\": [...], \"groups\": [...],
               \"controller_group\"}
  deregister: {\"format_version\": 1, \"hostname\", \"removed\": true, \"groups\": [...],
               \"reaped\": [{\"type\": \"job\", \"id\": 7}, ...]}")]
pub struct Args {
    #[command(subcommand)]
    pub action: Action,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum NodeType {
    Control,
    Hybrid,
    Execution,
    Isolated,
}

impl NodeType {
    fn as_str(self) -> &'static str {
        match self {
            NodeType::Control => "control",
            NodeType::Hybrid => "hybrid",
            NodeType::Execution => "execution",
            NodeType::Isolated => "isolated",
        }
    }
}

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Register a node (or update a registered one)
    Register {
        /// The instance's hostname (its name in the cluster)
        hostname: String,
        /// What the node does: control/hybrid nodes run awxm; isolated/execution nodes are reached over SSH
        #[arg(long, value_enum)]
        node_type: NodeType,
        /// Instance group controlling this node's groups (isolated/execution nodes)
        #[arg(long, value_name = "GROUP")]
        controller_group: Option<String>,
        /// Instance group to join (created if missing); repeatable
        #[arg(long = "group", value_name = "GROUP")]
        groups: Vec<String>,
        /// Address to connect to when it differs from the hostname
        #[arg(long, value_name = "HOST")]
        ssh_host: Option<String>,
        /// SSH user [default: the credential's username, else setting awx_isolated_username]
        #[arg(long, value_name = "USER")]
        ssh_user: Option<String>,
        /// SSH port [default: 22]
        #[arg(long, value_name = "PORT", value_parser = crate::cli::whole::<u16>(1, 65535))]
        ssh_port: Option<u16>,
        /// Machine credential with the SSH key or password ('' removes it)
        #[arg(long, value_name = "NAME")]
        credential: Option<String>,
        /// Directory on the node holding ansible-playbook (else it is looked up on PATH)
        #[arg(long, value_name = "DIR")]
        ansible_bin_dir: Option<String>,
        /// Work directory on the node [default: setting isolated_work_dir]
        #[arg(long, value_name = "DIR")]
        work_dir: Option<String>,
        /// Where capacity sits between the CPU- and memory-based values (0.0 to 1.0)
        #[arg(long, value_name = "FRACTION", value_parser = crate::cli::number(0.0, 1.0))]
        capacity_adjustment: Option<f64>,
        /// Enable or disable the node (a disabled node gets capacity 0)
        #[arg(long, value_name = "BOOL", action = clap::ArgAction::Set)]
        enabled: Option<bool>,
    },
    /// Remove a node from the cluster
    Deregister {
        #[arg(add = clap_complete::ArgValueCompleter::new(crate::complete::instance))]
        hostname: String,
        /// Also when jobs run on it: they are failed with an explanation
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum InstanceReport {
    Registered(Registered),
    Deregistered(Deregistered),
}

impl Report for InstanceReport {
    fn human(&self, out: &mut Human) -> std::io::Result<()> {
        match self {
            InstanceReport::Registered(r) => {
                let what = if r.created {
                    "registered"
                } else if r.changed.is_empty() && r.joined.is_empty() {
                    "unchanged"
                } else {
                    "updated"
                };
                out.line(format!("{what} {} instance {}", r.node_type, r.hostname))?;
                if !r.changed.is_empty() && !r.created {
                    out.line(format!("  changed: {}", r.changed.join(", ")))?;
                }
                for g in &r.groups_created {
                    out.line(format!("  created instance group {g}"))?;
                }
                if !r.groups.is_empty() {
                    out.line(format!("  groups: {}", r.groups.join(", ")))?;
                }
                Ok(())
            }
            InstanceReport::Deregistered(d) => {
                out.line(format!("deregistered instance {}", d.hostname))?;
                for j in &d.reaped {
                    out.line(format!("  failed {} {}", j.kind, j.id))?;
                }
                Ok(())
            }
        }
    }
}

pub fn run(ctx: &Ctx, args: Args) -> Result<InstanceReport> {
    let mut db = ctx.db()?;
    let now = crate::time::fmt(&ctx.now());
    match args.action {
        Action::Register {
            hostname,
            node_type,
            controller_group,
            groups,
            ssh_host,
            ssh_user,
            ssh_port,
            credential,
            ansible_bin_dir,
            work_dir,
            capacity_adjustment,
            enabled,
        } => {
            let r = Registration {
                hostname,
                node_type: node_type.as_str().to_string(),
                ssh_host,
                ssh_user,
                ssh_port,
                credential,
                ansible_bin_dir,
                work_dir,
                capacity_adjustment,
                enabled,
                groups,
                controller_group,
            };
            let out = db.write(|tx| {
                tx.lock(&format!("awxm:instance:{}", r.hostname))?;
                instances::register(tx, &r, &now)
            })?;
            Ok(InstanceReport::Registered(out))
        }
        Action::Deregister { hostname, force } => {
            let out = db.write(|tx| {
                tx.lock(&format!("awxm:instance:{hostname}"))?;
                instances::deregister(tx, &hostname, force)
            })?;
            Ok(InstanceReport::Deregistered(out))
        }
    }
}
