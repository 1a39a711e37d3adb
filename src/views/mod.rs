//! Views of the document: the assessment as one reader may see it ([`for_reader`]), what can
//! be marked and how each thing is named for the worker, and the audit of each view made for a
//! reader. Pure, above [`crate::edit`] (a view is made with its edits, on a copy) and below
//! [`crate::exchange`] and [`crate::report`], which make their files and summaries from it.

pub mod for_reader;
