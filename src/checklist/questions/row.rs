//! Where an answer shows in the request block, as its question declares it (`shows`
//! in the table): a row of the summary table, read with the row's other answers or
//! alone by its input kind; a line of the header; or a part of the block of its own.
//! The block's reading of each row is `block::rows`.

macro_rules! rows {
    ($($row:ident: $label:literal,)*) => {
        /// A row of the block's summary table, in the table's order.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Row {
            $($row,)*
        }

        impl Row {
            pub const ALL: &'static [Row] = &[$(Row::$row,)*];

            /// The row's label in the block.
            pub fn label(self) -> &'static str {
                match self {
                    $(Row::$row => $label,)*
                }
            }
        }
    };
}

rows! {
    Kind: "Kind",
    Source: "Source",
    When: "When",
    Volume: "Volume",
    PeakRate: "Peak rate",
    Batching: "Batching",
    Hottest: "Hottest distinct_id",
    EventTypes: "Event types",
    Apps: "Apps",
    LoadTest: "Load test",
}

/// A part of the block that shows answers of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// The title: customer, region, project, organization.
    Title,
    /// Who asks and where to reach them.
    Requester,
    /// The ramp-up section.
    Ramp,
    /// The busiest distinct_ids' table.
    TopIds,
    /// The notes.
    Notes,
    /// The checklist's ticks.
    Checklist,
    /// Beside a finding (the customer was told about a risk).
    Finding,
    /// With the number it is the unit of.
    Unit,
}

/// Where an answer shows in the request block, and how it reads there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shows {
    /// In a summary row, read together with the row's other answers by the row's own
    /// reading (the peak rate with the time it is reached, a schedule in three clocks).
    With(Row),
    /// Added to a summary row, read alone by its input kind: "20 distinct_ids", a
    /// choice's label, the text as typed.
    Alone(Row),
    /// A line of the block's header with this label, read alone.
    Line(&'static str),
    /// In a part of the block of its own.
    In(Place),
    /// Not declared: a test fails for any question left so.
    Undeclared,
}
