//! How much a PDF unpacks to, counted before anything holds it in memory.
//!
//! A FlateDecode stream of a few hundred kilobytes can inflate to gigabytes (a run of zeros
//! packs about 1000 to 1, and a stream packed twice a million to 1), and neither lopdf nor
//! pdf-extract caps what they unpack: lopdf inflates object and cross-reference streams while
//! it loads the file, pdf-extract every content, font and form stream it reads. So the upload
//! is counted twice, each time streaming the output into a counter that stops at the cap
//! instead of a buffer:
//!
//! 1. before lopdf loads the file, the data after every `stream` keyword of the raw bytes is
//!    inflated (zlib data ends by itself, so no length is needed), with any zlib layer found
//!    inside, as lopdf's loader would; each layer is inflated once, its output counted as it
//!    is passed on to the next layer's decoder;
//! 2. after loading, every filtered stream is decoded with its own filters as lopdf decodes
//!    them for pdf-extract (FlateDecode, LZWDecode, ASCII85Decode, in order).
//!
//! Images count in the first pass (the raw bytes do not say reliably what a stream is) and not
//! in the second, since pdf-extract does not decode them. Unlike a .docx entry, no ratio is
//! refused: a blank page's image packs far beyond 100 to 1 in real files, and the cap on the
//! total already bounds memory and time.

use std::io::{self, Write};

use flate2::read::{DeflateDecoder, ZlibDecoder};
use lopdf::{Document, Object, Stream};

/// Most bytes a PDF's streams may unpack to, in total (200 MiB). The PDFs of resolutions and
/// session reports unpack to a few megabytes.
pub const MAX_UNPACKED_BYTES: u64 = 200 * 1024 * 1024;

/// Zlib layers looked into inside one another (a stream packed twice or more).
const MAX_LAYERS: usize = 4;

/// The cap was reached.
#[derive(Debug)]
pub struct TooMuch;

/// What is left of [`MAX_UNPACKED_BYTES`].
pub struct Budget(u64);

impl Default for Budget {
    fn default() -> Self {
        Budget(MAX_UNPACKED_BYTES)
    }
}

impl Budget {
    fn spend(&mut self, bytes: u64) -> Result<(), TooMuch> {
        self.0 = self.0.checked_sub(bytes).ok_or(TooMuch)?;
        Ok(())
    }
}

/// Pass 1: the raw file's stream data, inflated where it is zlib data.
pub fn raw_streams(bytes: &[u8], budget: &mut Budget) -> Result<(), TooMuch> {
    let mut from = 0;
    while let Some(at) = memchr::memmem::find(&bytes[from..], b"stream").map(|at| from + at) {
        from = at + b"stream".len();
        if bytes[..at].ends_with(b"end") {
            continue;
        }
        let data = match &bytes[from..] {
            [b'\r', b'\n', data @ ..] | [b'\n' | b'\r', data @ ..] => data,
            _ => continue,
        };
        budget.spend(layered(data, budget.0)?)?;
    }
    Ok(())
}

/// Bytes `data` inflates to, through up to [`MAX_LAYERS`] zlib layers (the largest layer
/// counts); 0 when it is not zlib data.
fn layered(data: &[u8], cap: u64) -> Result<u64, TooMuch> {
    let mut layer = Layer::new(1, cap);
    let inflated = io::copy(&mut ZlibDecoder::new(data), &mut layer);
    if inflated.is_err() && layer.count.written == 0 && data.len() > 2 && !layer.over() {
        // lopdf's raw deflate fallback (as in `inflate`); its output is not looked into.
        layer.depth = MAX_LAYERS;
        let _damaged = io::copy(&mut DeflateDecoder::new(&data[2..]), &mut layer);
    }
    layer.finish();
    if layer.over() {
        Err(TooMuch)
    } else {
        Ok(layer.most())
    }
}

/// One layer's output in [`layered`]: counted up to the cap and, when it opens with a zlib
/// header, inflated on into the next layer as it comes.
struct Layer {
    depth: usize,
    count: Capped,
    /// The layer's first two bytes, until they are known.
    head: Vec<u8>,
    next: Option<Box<flate2::write::ZlibDecoder<Layer>>>,
    /// Whether the next layer still takes data (not once it ended or was found damaged).
    open: bool,
}

impl Layer {
    fn new(depth: usize, cap: u64) -> Self {
        Layer {
            depth,
            count: Capped::new(cap, false),
            head: Vec::with_capacity(2),
            next: None,
            open: false,
        }
    }

    /// Whether this layer or one inside it passed the cap.
    fn over(&self) -> bool {
        self.count.over || self.next.as_ref().is_some_and(|next| next.get_ref().over())
    }

    /// The most bytes a layer, this one or one inside it, unpacked to.
    fn most(&self) -> u64 {
        let inner = self.next.as_ref().map_or(0, |next| next.get_ref().most());
        self.count.written.max(inner)
    }

    /// Gives `buf` to the next layer, once the first two bytes said there is one.
    fn pass_on(&mut self, mut buf: &[u8]) -> io::Result<()> {
        if self.head.len() < 2 {
            let taken = buf.len().min(2 - self.head.len());
            self.head.extend_from_slice(&buf[..taken]);
            buf = &buf[taken..];
            let &[cmf, flg] = self.head.as_slice() else {
                return Ok(());
            };
            if self.depth < MAX_LAYERS && zlib_header([cmf, flg]) {
                let next = Layer::new(self.depth + 1, self.count.cap);
                self.next = Some(Box::new(flate2::write::ZlibDecoder::new(next)));
                self.open = true;
                self.send(&[cmf, flg])?;
            }
        }
        self.send(buf)
    }

    /// Writes to the next layer while it takes data; an error only when a layer passed the
    /// cap (damaged data, or data after the end of the inner stream, only closes it).
    fn send(&mut self, buf: &[u8]) -> io::Result<()> {
        let Some(next) = self.next.as_mut().filter(|_| self.open) else {
            return Ok(());
        };
        if let Err(error) = next.write_all(buf) {
            if next.get_ref().over() {
                return Err(error);
            }
            self.open = false;
        }
        Ok(())
    }

    /// Flushes what the decoders inside still hold into their layers.
    fn finish(&mut self) {
        if let Some(next) = self.next.as_mut() {
            if self.open {
                let _damaged = next.try_finish();
                self.open = false;
            }
            next.get_mut().finish();
        }
    }
}

impl Write for Layer {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.count.write_all(buf)?;
        self.pass_on(buf)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Whether two bytes open a zlib stream (deflate, a window PDF writers use, a valid check).
fn zlib_header([cmf, flg]: [u8; 2]) -> bool {
    cmf & 0x0f == 8 && cmf >> 4 <= 7 && (u16::from(cmf) << 8 | u16::from(flg)) % 31 == 0
}

/// Pass 2: every filtered stream of the loaded document that pdf-extract may decode.
pub fn document_streams(document: &Document, budget: &mut Budget) -> Result<(), TooMuch> {
    for object in document.objects.values() {
        let Object::Stream(stream) = object else {
            continue;
        };
        let image = stream
            .dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .is_ok_and(|s| s == b"Image");
        if !image {
            budget.spend(decoded(stream, budget.0)?)?;
        }
    }
    Ok(())
}

/// Bytes lopdf's `decompressed_content` would give for `stream`, each filter in turn; what
/// was decoded when a filter fails or is not one lopdf knows.
fn decoded(stream: &Stream, cap: u64) -> Result<u64, TooMuch> {
    let Ok(filters) = stream.filters() else {
        return Ok(0);
    };
    let mut data = std::borrow::Cow::Borrowed(stream.content.as_slice());
    for (i, filter) in filters.iter().enumerate() {
        let last = i + 1 == filters.len();
        let mut out = Capped::new(cap, !last);
        match *filter {
            b"FlateDecode" => {
                out.fill(|w| inflate(&data, w))?;
            }
            b"LZWDecode" => {
                let early = stream
                    .dict
                    .get(b"DecodeParms")
                    .and_then(Object::as_dict)
                    .and_then(|p| p.get(b"EarlyChange"))
                    .and_then(Object::as_i64)
                    .map_or(true, |v| v != 0);
                out.fill(|w| lzw(&data, early, w))?;
            }
            b"ASCII85Decode" => {
                // At most 4 bytes for each byte read ('z'), so bounded by the upload's size.
                let mut one = Stream::new(lopdf::dictionary! {}, data.to_vec());
                one.dict.set("Filter", "ASCII85Decode");
                let bytes = one.decompressed_content().unwrap_or_default();
                out.fill(|w| w.write_all(&bytes))?;
            }
            _ => return Ok(out.written),
        }
        if last {
            return Ok(out.written);
        }
        data = std::borrow::Cow::Owned(out.kept);
    }
    Ok(0)
}

/// Inflates zlib `data` into `out`; like lopdf, when the zlib header is refused before any
/// output, the data after it is tried as raw deflate.
fn inflate(data: &[u8], out: &mut Capped) -> io::Result<()> {
    match io::copy(&mut ZlibDecoder::new(data), out) {
        Err(_) if out.written == 0 && data.len() > 2 && !out.over => {
            io::copy(&mut DeflateDecoder::new(&data[2..]), out).map(drop)
        }
        done => done.map(drop),
    }
}

/// Decodes LZW `data` into `out` as lopdf does (weezl, most significant bit first).
fn lzw(data: &[u8], early_change: bool, out: &mut Capped) -> io::Result<()> {
    use weezl::{BitOrder, decode::Decoder};
    let mut decoder = if early_change {
        Decoder::with_tiff_size_switch(BitOrder::Msb, 8)
    } else {
        Decoder::new(BitOrder::Msb, 8)
    };
    decoder.into_stream(out).decode_all(data).status
}

/// A writer that counts what it is given, keeps it only when asked to, and refuses more than
/// its cap (which stops the decoder writing into it).
struct Capped {
    cap: u64,
    written: u64,
    keep: bool,
    kept: Vec<u8>,
    over: bool,
}

impl Capped {
    fn new(cap: u64, keep: bool) -> Self {
        Capped {
            cap,
            written: 0,
            keep,
            kept: Vec::new(),
            over: false,
        }
    }

    /// Runs a decoder into this writer: `TooMuch` when it passed the cap; a decoding error
    /// (damaged data) only ends the stream, as lopdf keeps what it decoded.
    fn fill(&mut self, decode: impl FnOnce(&mut Self) -> io::Result<()>) -> Result<(), TooMuch> {
        let _damaged = decode(self);
        if self.over { Err(TooMuch) } else { Ok(()) }
    }
}

impl Write for Capped {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let total = self.written.saturating_add(buf.len() as u64);
        if total > self.cap {
            self.over = true;
            return Err(io::Error::other("unpacks beyond the cap"));
        }
        self.written = total;
        if self.keep {
            self.kept.extend_from_slice(buf);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
