//! The case by year, as finance reviews (TEI) read it: each line's costs or benefits per year,
//! risk-adjusted and not, with its present value; the initial investment as year 0 where the
//! scenario asks for it; years as financial years when the scenario has a calendar. Built
//! from the projection (sums of its months, no model arithmetic), shared by the window, the
//! report, the spreadsheet and the JSON.

use rust_decimal::Decimal;

use crate::i18n::Lang;
use crate::model::{LineKind, Scenario};
use crate::sim::metrics::monthly_discount;
use crate::sim::number::Exact;
use crate::sim::{LineRef, Nature, Projection};

/// One column of the table: a year, or year 0 (the initial investment).
#[derive(Clone, Debug, PartialEq)]
pub struct Year {
    /// 0 for the initial investment, else 1, 2, … in order.
    pub index: u32,
    /// "Year 1", "2027", "2027/28", "Initial".
    pub label: String,
    /// Its first and last month of the case (year 0: month 1).
    pub months: (u32, u32),
}

/// One line over the years.
#[derive(Clone, Debug, PartialEq)]
pub struct YearLine {
    /// Its index in the projection's lines.
    pub line: usize,
    /// Cost or benefit.
    pub kind: LineKind,
    /// Per year: unadjusted, risk-adjusted, and the present value of the risk-adjusted.
    pub unadjusted: Vec<Decimal>,
    /// See above.
    pub adjusted: Vec<Decimal>,
    /// See above.
    pub pv: Vec<Decimal>,
    /// The present value of the unadjusted amounts, per year.
    pub pv_unadjusted: Vec<Decimal>,
}

impl YearLine {
    /// Its amounts and their present values per year in one variant, as booked (costs
    /// positive).
    pub fn variant(&self, risk_adjusted: bool) -> (&[Decimal], &[Decimal]) {
        if risk_adjusted {
            (&self.adjusted, &self.pv)
        } else {
            (&self.unadjusted, &self.pv_unadjusted)
        }
    }

    /// Its amounts per year and their whole present value in one variant, as tables show
    /// them: costs negative, benefits positive.
    pub fn signed(&self, risk_adjusted: bool) -> (Vec<Decimal>, Decimal) {
        let sign = match self.kind {
            LineKind::Cost => -Decimal::ONE,
            LineKind::Benefit => Decimal::ONE,
        };
        let (amounts, pv) = self.variant(risk_adjusted);
        (
            amounts.iter().map(|v| sign * v).collect(),
            pv.iter().map(|v| sign * v).sum(),
        )
    }
}

/// Costs, benefits and net of one year, in one variant.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct YearTotals {
    /// Costs.
    pub costs: Decimal,
    /// Benefits.
    pub benefits: Decimal,
    /// Benefits − costs.
    pub net: Decimal,
}

/// The table of years.
#[derive(Clone, Debug, PartialEq)]
pub struct Years {
    /// The columns, year 0 first when there is one.
    pub years: Vec<Year>,
    /// Every line of the projection with anything in it.
    pub lines: Vec<YearLine>,
    /// Per year, unadjusted.
    pub unadjusted: Vec<YearTotals>,
    /// Per year, risk-adjusted.
    pub adjusted: Vec<YearTotals>,
    /// Per year, present value of the risk-adjusted net.
    pub pv: Vec<Decimal>,
    /// Per year, present value of the unadjusted net.
    pub pv_unadjusted: Vec<Decimal>,
}

impl Years {
    /// The totals and the present value of the net per year in one variant.
    pub fn variant(&self, risk_adjusted: bool) -> (&[YearTotals], &[Decimal]) {
        if risk_adjusted {
            (&self.adjusted, &self.pv)
        } else {
            (&self.unadjusted, &self.pv_unadjusted)
        }
    }

    /// The present value of the risk-adjusted net over every year.
    pub fn pv_total(&self) -> Decimal {
        self.pv
            .iter()
            .fold(Decimal::ZERO, |a, &b| a.saturating_add(b))
    }
}

/// A month of the case as people read it: "Apr 2027" with a calendar, else "Month 4".
pub fn month_label(s: &Scenario, m: u32, lang: Lang) -> String {
    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    const NL: [&str; 12] = [
        "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
    ];
    match &s.finance.calendar {
        Some(c) => {
            let (year, month) = c.date(m);
            let names = match lang {
                Lang::En => EN,
                Lang::Nl => NL,
            };
            format!("{} {year}", names[(month as usize + 11) % 12])
        }
        None => crate::tr!(lang, "Month {}", "Maand {}", m),
    }
}

/// The years of a case of `horizon` months: financial years with a calendar, else blocks of
/// twelve months from the start; year 0 first when the scenario asks for it.
pub fn spans(s: &Scenario, horizon: u32, lang: Lang) -> Vec<Year> {
    let mut out = Vec::new();
    if s.finance.year_zero {
        out.push(Year {
            index: 0,
            label: crate::i18n::t(lang, "Initial", "Initieel").to_owned(),
            months: (1, 1),
        });
    }
    let key = |m: u32| match &s.finance.calendar {
        Some(c) => c.fiscal_year(m),
        None => (m - 1) / 12,
    };
    let label = |m: u32, index: u32| match &s.finance.calendar {
        Some(c) if c.fiscal_year_start_month == 1 => c.fiscal_year(m).to_string(),
        Some(c) => {
            let y = c.fiscal_year(m);
            format!("{y}/{:02}", (y + 1) % 100)
        }
        None => crate::tr!(lang, "Year {}", "Jaar {}", index),
    };
    let mut m = 1;
    let mut index = 1;
    while m <= horizon {
        let first = m;
        while m < horizon && key(m + 1) == key(first) {
            m += 1;
        }
        out.push(Year {
            index,
            label: label(first, index),
            months: (first, m),
        });
        index += 1;
        m += 1;
    }
    out
}

/// Whether month 1 of `line` is part of the initial investment: a one-off cost.
fn initial(s: &Scenario, line: &crate::sim::Line) -> bool {
    line.kind == LineKind::Cost
        && match line.id {
            LineRef::Model(id) => id.nature() == Nature::OneOff,
            LineRef::Custom(i) => s.custom.lines.get(i).is_some_and(|l| {
                matches!(l.timing, crate::model::custom::Timing::OneOff { month: 1 })
            }),
        }
}

/// The table of years of `p` (the projection of `s`).
pub fn years(s: &Scenario, p: &Projection, lang: Lang) -> Years {
    let years = spans(s, p.horizon_months, lang);
    let discount = monthly_discount(Exact::from(p.adjusted.summary.discount_rate_annual_pct));
    // Each month's discount factor, end of month: 1 / (1 + i)^m.
    let mut factors = Vec::with_capacity(p.horizon_months as usize);
    let mut f = Exact::from(Decimal::ONE);
    for _ in 0..p.horizon_months {
        f = f * discount;
        factors.push(f.get().unwrap_or_default());
    }
    let year_zero = s.finance.year_zero;
    let mut lines = Vec::new();
    let n = years.len();
    let mut unadjusted = vec![YearTotals::default(); n];
    let mut adjusted = vec![YearTotals::default(); n];
    let mut pv = vec![Decimal::ZERO; n];
    let mut pv_unadjusted = vec![Decimal::ZERO; n];
    for (index, line) in p.lines.iter().enumerate() {
        let factor = p.risk_factor(line.risk);
        let mut row = YearLine {
            line: index,
            kind: line.kind,
            unadjusted: vec![Decimal::ZERO; n],
            adjusted: vec![Decimal::ZERO; n],
            pv: vec![Decimal::ZERO; n],
            pv_unadjusted: vec![Decimal::ZERO; n],
        };
        let zero_here = year_zero && initial(s, line);
        for (m0, &amount) in line.amounts.iter().enumerate() {
            let m = m0 as u32 + 1;
            let column = if zero_here && m == 1 {
                0
            } else {
                years
                    .iter()
                    .position(|y| y.index > 0 && m >= y.months.0 && m <= y.months.1)
                    .unwrap_or(0)
            };
            let adj = amount.checked_mul(factor).unwrap_or(amount);
            // Year 0 is now: not discounted.
            let present = |v: Decimal| {
                if years[column].index == 0 {
                    v
                } else {
                    v.checked_mul(factors.get(m0).copied().unwrap_or(Decimal::ONE))
                        .unwrap_or(v)
                }
            };
            // Sums of figures a projection holds; saturating so no sum can panic.
            let add = |to: &mut Decimal, v: Decimal| *to = to.saturating_add(v);
            add(&mut row.unadjusted[column], amount);
            add(&mut row.adjusted[column], adj);
            add(&mut row.pv[column], present(adj));
            add(&mut row.pv_unadjusted[column], present(amount));
        }
        let sign = match line.kind {
            LineKind::Cost => -Decimal::ONE,
            LineKind::Benefit => Decimal::ONE,
        };
        for c in 0..n {
            let add = |t: &mut YearTotals, v: Decimal| match line.kind {
                LineKind::Cost => t.costs = t.costs.saturating_add(v),
                LineKind::Benefit => t.benefits = t.benefits.saturating_add(v),
            };
            add(&mut unadjusted[c], row.unadjusted[c]);
            add(&mut adjusted[c], row.adjusted[c]);
            pv[c] = pv[c].saturating_add(sign * row.pv[c]);
            pv_unadjusted[c] = pv_unadjusted[c].saturating_add(sign * row.pv_unadjusted[c]);
        }
        if row.unadjusted.iter().any(|v| !v.is_zero()) {
            lines.push(row);
        }
    }
    for t in unadjusted.iter_mut().chain(adjusted.iter_mut()) {
        t.net = t.benefits.saturating_sub(t.costs);
    }
    Years {
        years,
        lines,
        unadjusted,
        adjusted,
        pv,
        pv_unadjusted,
    }
}
