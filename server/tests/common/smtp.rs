//! A real SMTP server for the mail tests: aiosmtpd (Debian's `python3-aiosmtpd`, installed by
//! `scripts/setup.sh test`), storing every message it accepts in a Maildir.

use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The Python that has aiosmtpd (`MT_TEST_PYTHON`, else Debian's).
fn python() -> String {
    std::env::var("MT_TEST_PYTHON").unwrap_or_else(|_| "/usr/bin/python3".into())
}

/// A free port on this machine (free when asked; the sink binds it a moment later).
pub fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

/// A running SMTP server on `port`; stopped when dropped.
pub struct SmtpSink {
    child: Child,
    pub port: u16,
    maildir: PathBuf,
}

impl SmtpSink {
    /// Starts the server on `port`, keeping mail in `maildir`, and waits until it answers.
    pub fn start(port: u16, maildir: PathBuf) -> SmtpSink {
        // A Maildir's folders; aiosmtpd makes them only for a folder that does not exist.
        for sub in ["tmp", "new", "cur"] {
            std::fs::create_dir_all(maildir.join(sub)).unwrap();
        }
        let child = Command::new(python())
            .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}")])
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(&maildir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 with aiosmtpd (apt-get install python3-aiosmtpd)");
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "the SMTP sink did not start"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        SmtpSink {
            child,
            port,
            maildir,
        }
    }

    /// Every message received so far, as text.
    pub fn messages(&self) -> Vec<String> {
        messages_in(&self.maildir)
    }

    /// Waits until `count` messages have arrived (at most `seconds`), and returns them all.
    pub async fn wait_for(&self, count: usize, seconds: u64) -> Vec<String> {
        let started = Instant::now();
        loop {
            let messages = self.messages();
            if messages.len() >= count || started.elapsed() > Duration::from_secs(seconds) {
                return messages;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The messages of a Maildir (`new/` and `cur/`).
pub fn messages_in(maildir: &std::path::Path) -> Vec<String> {
    let mut messages = Vec::new();
    for sub in ["new", "cur"] {
        let Ok(entries) = std::fs::read_dir(maildir.join(sub)) else {
            continue;
        };
        for entry in entries.flatten() {
            if let Ok(text) = std::fs::read_to_string(entry.path()) {
                messages.push(text);
            }
        }
    }
    messages
}

/// The value of header `name` in a message's head (unfolded).
pub fn header(message: &str, name: &str) -> Option<String> {
    let head = message.split("\r\n\r\n").next()?.split("\n\n").next()?;
    let unfolded = head
        .replace("\r\n ", " ")
        .replace("\n ", " ")
        .replace("\r\n\t", " ");
    unfolded.lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        key.eq_ignore_ascii_case(name)
            .then(|| value.trim().to_owned())
    })
}

/// A fresh, empty folder under the system's temporary folder.
pub fn temp_dir(label: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("mt-{label}-{}-{}", std::process::id(), free_port()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The plain-text body of a raw message.
pub fn body_of(raw: &str) -> String {
    let message = mail_parser::MessageParser::default()
        .parse(raw.as_bytes())
        .unwrap();
    message.body_text(0).unwrap().into_owned()
}
