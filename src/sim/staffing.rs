//! Staffing by service level and the headcount path (scenarios whose staffing model is
//! [`StaffingModel::ServiceLevel`]; older files keep the simplified staffing in the engine).
//!
//! Each month the agents on the line the workload needs come from Erlang C
//! ([`crate::sim::erlang`]): the month's agent contacts spread evenly over the opening hours,
//! at the month's handle time, for the service-level target. Required FTE = agents on the
//! line × opening hours / (paid hours per FTE × (1 − shrinkage)).
//!
//! Paid FTE starts at the entered agents and moves only by leavers (yearly attrition / 12 of
//! last month's paid FTE, lowered by training in proportion to the trained share), hires
//! (when the workload needs more than are paid, at the cost to replace an agent) and the
//! policy: keep headcount (leavers replaced), shrink through attrition (leavers not replaced
//! until paid meets required), or shrink with redundancies (as through attrition, and from a
//! month on the surplus is told and leaves the payroll after the notice months, at a severance
//! cost per FTE). Payroll = paid FTE × paid hours × cost per paid hour × cost indexation.
//!
//! The same policy runs for the contact centre without the initiatives; the agent savings are
//! the difference of the two paths' people costs (payroll and hires), booked in the month they
//! fall, and the severance the scenario pays beyond the baseline is a cost.

use crate::model::{HeadcountPolicy, Scenario};
use crate::sim::erlang;
use crate::sim::number::{FromInput, Num};

/// What staffing by service level works with that does not change from month to month.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Rules<N> {
    /// Opening minutes a month, for the traffic (f64: it only decides a whole number).
    opening_minutes: f64,
    /// The target share answered in time, as a ratio (for the f64 search).
    level: f64,
    seconds: f64,
    /// Paid FTE per agent on the line: opening hours / (paid hours × (1 − shrinkage)).
    fte_per_agent: N,
    /// Agents on the line per paid FTE, for the service of the staff paid.
    agents_per_fte: f64,
    paid_hours: N,
    cost_per_paid_hour: N,
    attrition_monthly: N,
    /// Training's reduction of attrition at full effect, as a ratio.
    attrition_down: N,
    replacement_cost: N,
    severance: N,
    policy: HeadcountPolicy,
    redundancies_from: u32,
    notice: u32,
    /// The entered paid FTE, where both paths start.
    agents: N,
    /// The course fee, for new hires when they are trained too.
    pub(crate) new_hire_fee: Option<N>,
}

impl<N: Num> Rules<N> {
    pub(crate) fn of<S>(s: &Scenario<S>) -> Self
    where
        N: FromInput<S>,
    {
        let v = |x: &S| N::from_input(x);
        let b = &s.baseline;
        let st = &s.staffing;
        let shrinkage = v(&b.shrinkage_pct).pct();
        let available = v(&b.paid_hours_per_fte_monthly) * (N::ONE - shrinkage);
        let opening_hours = v(&b.opening_hours_monthly);
        let fte_per_agent = if available.is_zero() {
            N::ZERO
        } else {
            opening_hours / available
        };
        Rules {
            opening_minutes: opening_hours.to_f64() * 60.0,
            level: v(&b.service_level_pct).pct().to_f64(),
            seconds: v(&b.service_level_seconds).to_f64(),
            fte_per_agent,
            agents_per_fte: if fte_per_agent.is_zero() {
                0.0
            } else {
                1.0 / fte_per_agent.to_f64()
            },
            paid_hours: v(&b.paid_hours_per_fte_monthly),
            cost_per_paid_hour: v(&b.agent_cost_per_paid_hour),
            attrition_monthly: v(&b.attrition_yearly_pct).pct() / N::int(12),
            attrition_down: v(&s.training.attrition_reduction_pct).pct(),
            replacement_cost: v(&b.replacement_cost_per_agent),
            severance: v(&st.severance_per_fte),
            policy: st.policy,
            redundancies_from: st.redundancies_from_month,
            notice: st.notice_months,
            agents: v(&b.agents_fte),
            new_hire_fee: st.train_new_hires.then(|| v(&s.training.cost_per_agent)),
        }
    }

    /// The payroll of a month at the entered headcount, at today's prices.
    pub(crate) fn entered_payroll(&self) -> N {
        self.agents * self.paid_hours * self.cost_per_paid_hour
    }

    /// Whether training's lower attrition can move a path at all.
    pub(crate) fn lowers_attrition(&self) -> bool {
        !self.attrition_down.is_zero() && !self.attrition_monthly.is_zero()
    }

    /// Paid hours per FTE a month.
    pub(crate) fn paid_hours(&self) -> N {
        self.paid_hours
    }

    /// A paid hour at today's prices (the hours off the phone of a course are paid at it).
    pub(crate) fn cost_per_paid_hour(&self) -> N {
        self.cost_per_paid_hour
    }
}

/// How a month's workload is staffed: Erlang C's agents on the line, in paid FTE.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Workload<N> {
    /// Traffic in Erlangs (f64: it only decides a whole number of agents).
    erlangs: f64,
    aht_seconds: f64,
    /// Agents on the line the target needs.
    pub(crate) agents: u32,
    /// Paid FTE those agents need.
    pub(crate) required: N,
}

/// The workload of `agent_contacts` (at the month's volume) of `handle_time` minutes each;
/// the search for the agents starts at `from` (last month's).
pub(crate) fn workload<N: Num>(
    r: &Rules<N>,
    agent_contacts: N,
    handle_time: N,
    from: u32,
) -> Workload<N> {
    let minutes = handle_time.to_f64();
    let erlangs = if r.opening_minutes > 0.0 {
        agent_contacts.to_f64() * minutes / r.opening_minutes
    } else {
        0.0
    };
    let aht_seconds = minutes * 60.0;
    let agents = erlang::agents_needed(erlangs, aht_seconds, r.seconds, r.level, from);
    Workload {
        erlangs,
        aht_seconds,
        agents,
        required: N::int(agents) * r.fte_per_agent,
    }
}

/// One path's headcount as it moves.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Path<N> {
    /// Paid FTE at the end of the last month.
    pub(crate) paid: N,
    /// Whether the course has been given.
    trained: bool,
    /// Of the paid, those hired since the course who did not take it (the rest did: the
    /// share trained is exactly one until somebody untrained is hired).
    untrained: N,
    /// FTE told to go, with the month they leave the payroll.
    leaving: Vec<(u32, N)>,
    /// Agents on the line of the last month (where the next search starts).
    pub(crate) agents: u32,
}

/// What a month did to a path.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Moves<N> {
    pub(crate) leavers: N,
    pub(crate) hires: N,
    /// Paid FTE at the end of the month.
    pub(crate) paid: N,
    /// Payroll of the month at today's prices (the engine indexes it).
    pub(crate) payroll: N,
    /// Hires × the cost to replace an agent.
    pub(crate) hire_cost: N,
    /// Let go × severance per FTE.
    pub(crate) severance: N,
}

impl<N: Num> Path<N> {
    pub(crate) fn start(r: &Rules<N>) -> Self {
        Path {
            paid: r.agents,
            trained: false,
            untrained: N::ZERO,
            leaving: Vec::new(),
            agents: 0,
        }
    }

    /// The share of paid agents who took the course.
    pub(crate) fn trained_share(&self) -> N {
        if !self.trained || self.paid.is_zero() {
            N::ZERO
        } else if self.untrained.is_zero() {
            N::ONE
        } else {
            let share = N::ONE - self.untrained / self.paid;
            if share < N::ZERO {
                N::ZERO
            } else {
                share.min(N::ONE)
            }
        }
    }

    /// Everyone paid takes the course (its start month).
    pub(crate) fn train_everyone(&mut self) {
        self.trained = true;
        self.untrained = N::ZERO;
    }

    /// Month `m` with the workload `w`: leavers at the attrition (less `training` × its
    /// reduction: the trained share times training's adoption), then hires and let-goes by
    /// the policy.
    pub(crate) fn step(&mut self, r: &Rules<N>, m: u32, w: &Workload<N>, training: N) -> Moves<N> {
        let zero = N::ZERO;
        let positive = |x: N| if x > zero { x } else { zero };
        let attrition = if training.is_zero() || r.attrition_down.is_zero() {
            r.attrition_monthly
        } else {
            r.attrition_monthly * (N::ONE - training * r.attrition_down)
        };
        let start = self.paid;
        let leavers = start * attrition;
        let mut due = zero;
        self.leaving.retain(|&(month, fte)| {
            if month <= m {
                due = due + fte;
                false
            } else {
                true
            }
        });
        let required = w.required;
        // Those told go when their notice ends, except as far as leavers since have made
        // them needed again (their notice is withdrawn).
        let mut let_go = due.min(positive(start - leavers - required));
        let after = positive(start - leavers - let_go);
        let hires = match r.policy {
            HeadcountPolicy::KeepHeadcount => {
                positive(if required > start { required } else { start } - after)
            }
            HeadcountPolicy::ShrinkThroughAttrition | HeadcountPolicy::ShrinkWithRedundancies => {
                positive(required - after)
            }
        };
        let mut paid = after + hires;
        if r.policy == HeadcountPolicy::ShrinkWithRedundancies && m >= r.redundancies_from {
            let told = self.leaving.iter().fold(zero, |acc, &(_, fte)| acc + fte);
            let surplus = positive(paid - told - required);
            if !surplus.is_zero() {
                if r.notice == 0 {
                    let_go = let_go + surplus;
                    paid = paid - surplus;
                } else {
                    self.leaving.push((m.saturating_add(r.notice), surplus));
                }
            }
        }
        // Leavers and those let go take their share of the trained with them; new hires are
        // trained when the scenario says so.
        if self.trained {
            if !self.untrained.is_zero() && !start.is_zero() {
                let kept = (start - leavers - let_go) / start;
                self.untrained = positive(self.untrained * kept);
            }
            if r.new_hire_fee.is_none() {
                self.untrained = self.untrained + hires;
            }
        }
        self.paid = paid;
        self.agents = w.agents;
        Moves {
            leavers,
            hires,
            paid,
            payroll: paid * r.paid_hours * r.cost_per_paid_hour,
            hire_cost: hires * r.replacement_cost,
            severance: let_go * r.severance,
        }
    }
}

impl<N: Num> Path<N> {
    /// The month's agents paid were observed: `paid` FTE at the end of the month, the payroll
    /// theirs (the leavers and hires stay as the month moved them).
    pub(crate) fn observe_paid(&mut self, r: &Rules<N>, moves: &mut Moves<N>, paid: N) {
        if !self.untrained.is_zero() && paid < self.untrained {
            self.untrained = paid;
        }
        self.paid = paid;
        moves.paid = paid;
        moves.payroll = paid * r.paid_hours * r.cost_per_paid_hour;
    }
}

/// How the staff paid serve the month's workload: service level, speed of answer, occupancy.
pub(crate) fn service<N: Num>(r: &Rules<N>, w: &Workload<N>, paid: N) -> erlang::Service {
    let on_line = paid.to_f64() * r.agents_per_fte;
    erlang::service_at(on_line, w.erlangs, w.aht_seconds, r.seconds)
}
