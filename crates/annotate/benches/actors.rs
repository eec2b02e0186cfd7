//! Throughput of actor mention finding and resolution.
fn main() {}
