//! Investment promotion (投资促进): what the city offers investors and how it approaches them.
//! Its first register is the city's investment policy documents (`policies`); the chain maps,
//! target firms, promoted projects and leads of issue 25 join it here.

pub mod policies;
