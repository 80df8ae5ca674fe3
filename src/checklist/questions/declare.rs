//! The `questions!` macro, which turns the question table into types.

/// Declares the questions (`table.rs`): from one entry per question it generates the
/// `Answers` struct (a field per question), the `Field` enum with each answer's key and
/// accessors, and `QUESTIONS`, the table itself. The names it uses (`Question`,
/// `Stored`, `SchemaVersion`, serde's derives) are those in scope where it is invoked.
macro_rules! questions {
    ($( $variant:ident ($field:ident: $ty:ty) { $($key:ident: $value:expr),* $(,)? } )*) => {
        /// Every answer of the checklist, one field per question of the table. Unknown
        /// fields are ignored and missing ones take their defaults, so drafts survive
        /// additions to the form.
        #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
        #[serde(default)]
        pub struct Answers {
            pub schema_version: SchemaVersion,
            $(pub $field: $ty,)*
        }

        /// One question (and its answer).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Field {
            $($variant,)*
        }

        impl Field {
            pub const ALL: &'static [Field] = &[$(Field::$variant,)*];

            /// The answer's name in drafts, the JS API and `initialAnswers`.
            pub fn key(self) -> &'static str {
                match self {
                    $(Field::$variant => stringify!($field),)*
                }
            }

            /// The stored answer, whatever its type.
            pub fn stored(self, a: &Answers) -> &dyn Stored {
                match self {
                    $(Field::$variant => &a.$field,)*
                }
            }

            pub fn stored_mut(self, a: &mut Answers) -> &mut dyn Stored {
                match self {
                    $(Field::$variant => &mut a.$field,)*
                }
            }
        }

        /// Every question, in form order (the order of `Field`).
        pub const QUESTIONS: &[Question] = &[
            $(Question { $($key: $value,)* ..Question::new(Field::$variant) },)*
        ];
    };
}

pub(super) use questions;
