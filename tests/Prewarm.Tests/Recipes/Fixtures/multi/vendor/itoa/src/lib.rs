pub struct Buffer(String);

impl Buffer {
    pub fn new() -> Self {
        Buffer(String::new())
    }

    pub fn format(&mut self, value: u64) -> &str {
        self.0 = value.to_string();
        &self.0
    }
}
