//! The operational figures behind the money, month by month: the KPIs a contact-centre
//! manager already tracks (contacts, handle time, first-contact resolution, cost per contact,
//! agents needed, customers, churn), so every amount can be checked against them.

/// One month's operational figures.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Kpis<N> {
    /// Contacts customers make (after fewer repeats and duplicates), bot and agents together.
    pub contacts: N,
    /// Contacts the bot resolved with no agent (its failed resolutions not counted).
    pub bot_resolved_contacts: N,
    /// Contacts agents handle.
    pub agent_contacts: N,
    /// First-contact resolution, in percent.
    pub fcr_pct: N,
    /// Average minutes of a contact agents handle.
    pub handle_time_minutes: N,
    /// Agent cost (less the agent time saved in money) plus the initiatives' running costs,
    /// divided by all contacts.
    pub cost_per_contact: N,
    /// Paid agent hours the workload needs: agent contacts × handle time / 60 / occupancy.
    pub agent_hours: N,
    /// Those hours in full-time agents: agent hours / hours per FTE.
    pub agent_fte: N,
    /// Active customers: today's, plus those the initiatives kept.
    pub customers: N,
    /// Monthly customer churn, in percent.
    pub churn_monthly_pct: N,
}

impl<N: Copy> Kpis<N> {
    /// The figure with this JSON key (see [`KPI_KEYS`]), e.g. `handle_time_minutes`.
    pub fn by_key(&self, key: &str) -> Option<N> {
        KPI_KEYS
            .iter()
            .zip(self.fields())
            .find(|(k, _)| **k == key)
            .map(|(_, v)| v)
    }

    /// Every figure, in the order of the fields (and of [`KPI_KEYS`]).
    pub fn fields(&self) -> [N; 10] {
        [
            self.contacts,
            self.bot_resolved_contacts,
            self.agent_contacts,
            self.fcr_pct,
            self.handle_time_minutes,
            self.cost_per_contact,
            self.agent_hours,
            self.agent_fte,
            self.customers,
            self.churn_monthly_pct,
        ]
    }

    /// Converts every figure with `f`; `None` if any conversion fails.
    pub fn try_map<M>(&self, f: impl Fn(N) -> Option<M>) -> Option<Kpis<M>> {
        Some(Kpis {
            contacts: f(self.contacts)?,
            bot_resolved_contacts: f(self.bot_resolved_contacts)?,
            agent_contacts: f(self.agent_contacts)?,
            fcr_pct: f(self.fcr_pct)?,
            handle_time_minutes: f(self.handle_time_minutes)?,
            cost_per_contact: f(self.cost_per_contact)?,
            agent_hours: f(self.agent_hours)?,
            agent_fte: f(self.agent_fte)?,
            customers: f(self.customers)?,
            churn_monthly_pct: f(self.churn_monthly_pct)?,
        })
    }
}

/// The names of the figures in exports, in the order of [`Kpis::fields`].
pub const KPI_KEYS: [&str; 10] = [
    "contacts",
    "bot_resolved_contacts",
    "agent_contacts",
    "fcr_pct",
    "handle_time_minutes",
    "cost_per_contact",
    "agent_hours",
    "agent_fte",
    "customers",
    "churn_monthly_pct",
];

/// One month's staffing figures, with staffing by service level: how the contacts are
/// answered by the agents paid, and the headcount path.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StaffingKpis<N> {
    /// Share of contacts answered within the target seconds, in percent, by the staff paid.
    pub service_level_pct: N,
    /// Average seconds a contact waits for an agent.
    pub asa_seconds: N,
    /// Share of the agents' time on the line spent on contacts, in percent.
    pub occupancy_pct: N,
    /// Paid FTE the workload needs for the service-level target (Erlang C, shrinkage).
    pub agents_required_fte: N,
    /// Paid FTE on the headcount path at the end of the month.
    pub agents_paid_fte: N,
    /// FTE who left of their own accord this month.
    pub leavers_fte: N,
    /// FTE hired this month.
    pub hires_fte: N,
    /// The month's payroll: paid FTE × paid hours × cost per paid hour, indexed.
    pub payroll: N,
}

impl<N: Copy> StaffingKpis<N> {
    /// Every figure, in the order of the fields (and of [`STAFFING_KPI_KEYS`]).
    pub fn fields(&self) -> [N; 8] {
        [
            self.service_level_pct,
            self.asa_seconds,
            self.occupancy_pct,
            self.agents_required_fte,
            self.agents_paid_fte,
            self.leavers_fte,
            self.hires_fte,
            self.payroll,
        ]
    }

    /// Converts every figure with `f`; `None` if any conversion fails.
    pub fn try_map<M>(&self, f: impl Fn(N) -> Option<M>) -> Option<StaffingKpis<M>> {
        Some(StaffingKpis {
            service_level_pct: f(self.service_level_pct)?,
            asa_seconds: f(self.asa_seconds)?,
            occupancy_pct: f(self.occupancy_pct)?,
            agents_required_fte: f(self.agents_required_fte)?,
            agents_paid_fte: f(self.agents_paid_fte)?,
            leavers_fte: f(self.leavers_fte)?,
            hires_fte: f(self.hires_fte)?,
            payroll: f(self.payroll)?,
        })
    }
}

/// The names of the staffing figures in exports, in the order of [`StaffingKpis::fields`].
pub const STAFFING_KPI_KEYS: [&str; 8] = [
    "service_level_pct",
    "asa_seconds",
    "occupancy_pct",
    "agents_required_fte",
    "agents_paid_fte",
    "leavers_fte",
    "hires_fte",
    "payroll",
];
