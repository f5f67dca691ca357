fn main() {
    let mut buffer = itoa::Buffer::new();
    println!("cargo:rustc-env=FIXTURE_BUILD={}", buffer.format(42));
}
