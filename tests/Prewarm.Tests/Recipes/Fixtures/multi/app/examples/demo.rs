fn main() {
    println!("{}", fixture_util::total(&[4]));
}
