#[test]
fn totals() {
    assert_eq!(fixture_util::total(&[2, 3]), 5);
}
