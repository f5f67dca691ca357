pub fn greeting() -> &'static str {
    static GREETING: once_cell::sync::Lazy<String> = once_cell::sync::Lazy::new(|| "hello".to_owned());
    &GREETING
}
