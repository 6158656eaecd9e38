//! The Stackway widget.
