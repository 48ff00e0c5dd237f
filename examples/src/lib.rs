//! Examples live as cargo examples.
