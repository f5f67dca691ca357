pub fn hi() -> &'static str { log::info!("x"); "hi" }
