//! Lists: answers of several rows with columns (the busiest distinct_ids, the ramp-up's
//! steps, the apps), edited by the one list editor driven by each row type's column
//! spec, and read once into typed rows.

use super::answers::{AppKind, CellKind, Column, ListRow, ListSpec};
use super::numbers::{parse_amount, parse_count};
use super::parse::read_cell;
use serde::{Deserialize, Serialize};

/// One row of the customer's "events per distinct_id" query.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TopId {
    pub distinct_id: String,
    pub events: String,
}

impl ListRow for TopId {
    const SPEC: ListSpec = ListSpec {
        columns: &[
            Column {
                key: "distinct_id",
                header: "distinct_id",
                label: "distinct_id",
                placeholder: "user_8812",
                kind: CellKind::Text,
            },
            Column {
                key: "events",
                header: "events",
                label: "events",
                placeholder: "2400000",
                kind: CellKind::Count,
            },
        ],
        noun: "row",
        add: "Add row",
        remove: "Remove row",
        key_column: 0,
    };
    fn cell(&self, column: usize) -> String {
        if column == 0 {
            &self.distinct_id
        } else {
            &self.events
        }
        .clone()
    }
    fn set_cell(&mut self, column: usize, value: &str) {
        value.clone_into(if column == 0 {
            &mut self.distinct_id
        } else {
            &mut self.events
        });
    }
}

/// A list's cell as read: a value, nothing, a number that reads two ways (asked in
/// the field, no value until then), or what is wrong with it.
#[derive(Clone, Debug, PartialEq)]
pub enum ReadCell<T> {
    Empty,
    Value(T),
    Unclear,
    Invalid(String),
}

impl<T: Copy> ReadCell<T> {
    pub fn value(&self) -> Option<T> {
        match self {
            ReadCell::Value(v) => Some(*v),
            _ => None,
        }
    }
}

/// A distinct_id row, read.
#[derive(Clone, Debug, PartialEq)]
pub struct TopIdRead {
    /// The distinct_id as typed, trimmed (empty when the row names none).
    pub id: String,
    pub events: ReadCell<u64>,
}

impl TopId {
    pub fn read(&self) -> TopIdRead {
        TopIdRead {
            id: self.distinct_id.trim().to_string(),
            events: read_cell(&self.events, parse_count),
        }
    }
}

/// A ramp-up step, read: minutes, and the rate in the peak rate's unit.
#[derive(Clone, Debug, PartialEq)]
pub struct StepRead {
    pub after_minutes: ReadCell<f64>,
    pub rate: ReadCell<f64>,
}

impl RampStep {
    pub fn read(&self) -> StepRead {
        StepRead {
            after_minutes: read_cell(&self.after_minutes, parse_amount),
            rate: read_cell(&self.rate, parse_amount),
        }
    }
}

/// One step of a ramp-up: after this many minutes, this rate (in the peak rate's unit).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RampStep {
    pub after_minutes: String,
    pub rate: String,
}

impl ListRow for RampStep {
    const SPEC: ListSpec = ListSpec {
        columns: &[
            Column {
                key: "after_minutes",
                header: "after (minutes)",
                label: "Minutes",
                placeholder: "30",
                kind: CellKind::Amount,
            },
            Column {
                key: "rate",
                header: "rate (peak rate's unit)",
                label: "Rate",
                placeholder: "2000",
                kind: CellKind::Amount,
            },
        ],
        noun: "step",
        add: "Add step",
        remove: "Remove step",
        key_column: 1,
    };
    fn cell(&self, column: usize) -> String {
        if column == 0 {
            &self.after_minutes
        } else {
            &self.rate
        }
        .clone()
    }
    fn set_cell(&mut self, column: usize, value: &str) {
        value.clone_into(if column == 0 {
            &mut self.after_minutes
        } else {
            &mut self.rate
        });
    }
}

/// An app (transformation or destination) enabled on the project.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct App {
    pub name: String,
    pub kind: AppKind,
}

impl ListRow for App {
    const SPEC: ListSpec = ListSpec {
        columns: &[
            Column {
                key: "name",
                header: "name",
                label: "App name",
                placeholder: "GeoIP",
                kind: CellKind::Text,
            },
            Column {
                key: "kind",
                header: "kind",
                label: "App kind",
                placeholder: "",
                kind: CellKind::Choice(AppKind::OPTIONS),
            },
        ],
        noun: "row",
        add: "Add app",
        remove: "Remove app",
        key_column: 0,
    };
    fn cell(&self, column: usize) -> String {
        match column {
            0 => self.name.clone(),
            _ => self.kind.code().to_string(),
        }
    }
    fn set_cell(&mut self, column: usize, value: &str) {
        match column {
            0 => value.clone_into(&mut self.name),
            _ => {
                if let Some(kind) = AppKind::from_code(value) {
                    self.kind = kind;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::questions::answers::{ListRows, Stored};

    #[test]
    fn list_rows_are_edited_through_their_columns() {
        let mut apps: Vec<App> = Vec::new();
        let rows: &mut dyn ListRows = &mut apps;
        rows.push_empty();
        rows.set_cell(0, 0, "GeoIP");
        rows.set_cell(0, 1, "destination");
        rows.set_cell(0, 1, "no such kind");
        rows.set_cell(5, 0, "ignored: no row 6");
        assert_eq!(rows.cell(0, 1), "destination");
        assert_eq!(apps[0].name, "GeoIP");
        assert!(apps.is_answered());
        let mut steps = vec![RampStep {
            after_minutes: "5".into(),
            rate: String::new(),
        }];
        // A ramp step counts once it has a rate (its key column).
        assert!(!steps.is_answered());
        steps.set_cell(0, 1, "100");
        assert!(steps.is_answered());
        steps.remove(0);
        ListRows::remove(&mut steps, 3);
        assert!(steps.is_empty());
    }
}
