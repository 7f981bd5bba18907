//! The edits the window makes, done by the model so that what belongs together moves together:
//! a month of actuals kept in month order, a range and the correlations that name it, the
//! client sliders as a set. Each keeps the scenario in the shape `validate` accepts when it was
//! in it before; none checks a value (that is `validate`'s work).

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::model::actuals::Field;
use crate::model::{CustomLine, InputRange, MonthActuals, Scenario, Target};

impl Scenario {
    /// Sets (or clears) one observed figure of `month`, adding the month in its place when it
    /// has no actuals yet.
    pub fn set_actual(&mut self, month: u32, field: &Field, value: Option<Decimal>) {
        match self.actuals.iter_mut().find(|a| a.month == month) {
            Some(a) => a.set(field, value),
            None => {
                let mut a = MonthActuals::new(month);
                a.set(field, value);
                self.insert_actuals(a);
            }
        }
    }

    /// Adds an empty month of actuals: the first month of the horizon without any (the last
    /// month when every month has some, which then stays as it is). Returns that month.
    pub fn add_actual_month(&mut self) -> u32 {
        let horizon = self.finance.horizon_months;
        let month = (1..=horizon)
            .find(|m| !self.actuals.iter().any(|a| a.month == *m))
            .unwrap_or(horizon);
        if !self.actuals.iter().any(|a| a.month == month) {
            self.insert_actuals(MonthActuals::new(month));
        }
        month
    }

    /// Removes the actuals of `month`.
    pub fn remove_actual_month(&mut self, month: u32) {
        self.actuals.retain(|a| a.month != month);
    }

    fn insert_actuals(&mut self, actuals: MonthActuals) {
        let at = self.actuals.partition_point(|a| a.month < actuals.month);
        self.actuals.insert(at, actuals);
    }

    /// Gives the input at `path` a range, or takes its range away with every correlation that
    /// names it.
    pub fn set_range(&mut self, path: &str, range: Option<InputRange>) {
        match range {
            Some(r) => {
                self.ranges.insert(path.to_owned(), r);
            }
            None => {
                self.ranges.remove(path);
                self.correlations.retain(|(a, b, _)| a != path && b != path);
            }
        }
    }

    /// Pins the input at `path` as a client slider (shown in presentation mode), or unpins it.
    pub fn set_client_slider(&mut self, path: &str, on: bool) {
        self.client_sliders.retain(|p| p != path);
        if on {
            self.client_sliders.push(path.to_owned());
        }
    }

    /// Replaces custom line `index` (nothing when there is none).
    pub fn replace_custom_line(&mut self, index: usize, line: CustomLine) {
        if let Some(l) = self.custom.lines.get_mut(index) {
            *l = line;
        }
    }

    /// Sets the input a path names (as `check` names it, custom line amounts included); a path
    /// that names none changes nothing. A month count takes the value's whole part.
    pub fn set_by_path(&mut self, path: &str, value: Decimal) {
        if let Some(target) = Target::parse(path, self) {
            target.set(self, value, value.to_u32().unwrap_or(0));
        }
    }
}
