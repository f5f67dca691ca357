fixture_macros::answer!();

pub fn total(values: &[u64]) -> u64 {
    let found = memchr::memchr(b'a', b"cat").unwrap_or(0) as u64;
    values.iter().sum::<u64>() + found - 1 + answer() - 42
}
