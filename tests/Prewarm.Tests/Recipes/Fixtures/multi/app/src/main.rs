fn main() -> anyhow::Result<()> {
    log::info!("starting");
    let total = fixture_util::total(&[1, 2, 3]);
    println!("{} {} {}", total, helpers::greeting(), env!("FIXTURE_BUILD"));
    Ok(())
}
