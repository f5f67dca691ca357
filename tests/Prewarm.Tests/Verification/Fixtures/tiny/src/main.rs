fn main() -> anyhow::Result<()> { log::info!("x"); println!("{}", util::hi()); let mut b = itoa::Buffer::new(); println!("{}", b.format(3)); Ok(()) }
