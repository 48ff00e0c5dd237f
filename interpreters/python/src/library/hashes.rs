//! The `_hashlib` module: hash objects over RustCrypto's digests (MD5, SHA-1, SHA-2, SHA-3,
//! SHAKE and BLAKE2), with `update`, `digest`, `hexdigest`, `copy` and the `name`,
//! `digest_size` and `block_size` attributes. `lib/hashlib.py` names the constructors.

use super::textargs::{none, one, params};
use super::*;
use blake2::digest::core_api::{Buffer, UpdateCore, VariableOutputCore};
use blake2::digest::{ExtendableOutput, Update};
use metatrace::heap::{Layout, HEADER};
use metatrace::{FieldDescr, MemKind};
use sha2::Digest;

rows! {
    "_hashlib.new" => h_new,
    "_hashlib.compare_digest" => h_compare_digest,
    "HASH.update" => h_update,
    "HASH.digest" => h_digest,
    "HASH.hexdigest" => h_hexdigest,
    "HASH.copy" => h_copy,
}

/// A hash object: its `Box<State>`.
pub static HASH: Layout = Layout::object("HASH", 8, &[]).with_finalizer(free_state);
const HASH_STATE: FieldDescr = FieldDescr::new("HASH.state", HEADER, MemKind::I64);

/// A running digest.
#[derive(Clone)]
enum State {
    Md5(md5::Md5),
    Sha1(sha1::Sha1),
    Sha224(sha2::Sha224),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
    Sha3_224(sha3::Sha3_224),
    Sha3_256(sha3::Sha3_256),
    Sha3_384(sha3::Sha3_384),
    Sha3_512(sha3::Sha3_512),
    Shake128(sha3::Shake128),
    Shake256(sha3::Shake256),
    Blake2b(Blake2b),
    Blake2s(Blake2s),
}

/// A BLAKE2 digest with its parameters (output size, key, salt, personalization): the
/// crate's core, fed through a block buffer of our own (the key is the first block).
macro_rules! blake2_state {
    ($name:ident, $core:ty, $block:literal) => {
        #[derive(Clone)]
        struct $name {
            core: $core,
            buf: Buffer<$core>,
            size: usize,
        }

        impl $name {
            fn new(p: &Blake2Params<'_>) -> Self {
                let core = <$core>::new_with_params(p.salt, p.person, p.key.len(), p.size);
                let mut h = $name { core, buf: Default::default(), size: p.size };
                if !p.key.is_empty() {
                    let mut first = p.key.to_vec();
                    first.resize($block, 0);
                    h.feed(&first);
                }
                h
            }

            fn feed(&mut self, d: &[u8]) {
                let core = &mut self.core;
                self.buf.digest_blocks(d, |blocks| core.update_blocks(blocks));
            }

            fn digest(&self) -> Vec<u8> {
                let (mut core, mut buf) = (self.core.clone(), self.buf.clone());
                let mut out = Default::default();
                core.finalize_variable_core(&mut buf, &mut out);
                out[..self.size].to_vec()
            }
        }
    };
}
blake2_state!(Blake2b, blake2::Blake2bVarCore, 128);
blake2_state!(Blake2s, blake2::Blake2sVarCore, 64);

/// BLAKE2's parameters: digest size, key, salt, personalization.
pub struct Blake2Params<'a> {
    pub size: usize,
    pub key: &'a [u8],
    pub salt: &'a [u8],
    pub person: &'a [u8],
}

/// A new BLAKE2b (`wide`) or BLAKE2s state; the parameters are checked by the caller.
fn blake2(wide: bool, p: &Blake2Params<'_>) -> State {
    if wide {
        State::Blake2b(Blake2b::new(p))
    } else {
        State::Blake2s(Blake2s::new(p))
    }
}

impl State {
    fn new(name: &str, blake: &Blake2Params<'_>) -> Option<State> {
        Some(match name {
            "md5" => State::Md5(Default::default()),
            "sha1" => State::Sha1(Default::default()),
            "sha224" => State::Sha224(Default::default()),
            "sha256" => State::Sha256(Default::default()),
            "sha384" => State::Sha384(Default::default()),
            "sha512" => State::Sha512(Default::default()),
            "sha3_224" => State::Sha3_224(Default::default()),
            "sha3_256" => State::Sha3_256(Default::default()),
            "sha3_384" => State::Sha3_384(Default::default()),
            "sha3_512" => State::Sha3_512(Default::default()),
            "shake_128" => State::Shake128(Default::default()),
            "shake_256" => State::Shake256(Default::default()),
            "blake2b" => blake2(true, blake),
            "blake2s" => blake2(false, blake),
            _ => return None,
        })
    }

    fn name(&self) -> &'static str {
        match self {
            State::Md5(_) => "md5",
            State::Sha1(_) => "sha1",
            State::Sha224(_) => "sha224",
            State::Sha256(_) => "sha256",
            State::Sha384(_) => "sha384",
            State::Sha512(_) => "sha512",
            State::Sha3_224(_) => "sha3_224",
            State::Sha3_256(_) => "sha3_256",
            State::Sha3_384(_) => "sha3_384",
            State::Sha3_512(_) => "sha3_512",
            State::Shake128(_) => "shake_128",
            State::Shake256(_) => "shake_256",
            State::Blake2b(_) => "blake2b",
            State::Blake2s(_) => "blake2s",
        }
    }

    /// (digest size, block size) in bytes.
    fn sizes(&self) -> (usize, usize) {
        match self {
            State::Md5(_) => (16, 64),
            State::Sha1(_) => (20, 64),
            State::Sha224(_) => (28, 64),
            State::Sha256(_) => (32, 64),
            State::Sha384(_) => (48, 128),
            State::Sha512(_) => (64, 128),
            State::Sha3_224(_) => (28, 144),
            State::Sha3_256(_) => (32, 136),
            State::Sha3_384(_) => (48, 104),
            State::Sha3_512(_) => (64, 72),
            State::Shake128(_) => (0, 168),
            State::Shake256(_) => (0, 136),
            State::Blake2b(h) => (h.size, 128),
            State::Blake2s(h) => (h.size, 64),
        }
    }

    fn update(&mut self, d: &[u8]) {
        match self {
            State::Md5(h) => Digest::update(h, d),
            State::Sha1(h) => Digest::update(h, d),
            State::Sha224(h) => Digest::update(h, d),
            State::Sha256(h) => Digest::update(h, d),
            State::Sha384(h) => Digest::update(h, d),
            State::Sha512(h) => Digest::update(h, d),
            State::Sha3_224(h) => Digest::update(h, d),
            State::Sha3_256(h) => Digest::update(h, d),
            State::Sha3_384(h) => Digest::update(h, d),
            State::Sha3_512(h) => Digest::update(h, d),
            State::Shake128(h) => Update::update(h, d),
            State::Shake256(h) => Update::update(h, d),
            State::Blake2b(h) => h.feed(d),
            State::Blake2s(h) => h.feed(d),
        }
    }

    /// The digest of what was fed so far (`length` bytes of a SHAKE's output).
    fn digest(&self, length: usize) -> Vec<u8> {
        match self.clone() {
            State::Md5(h) => h.finalize().to_vec(),
            State::Sha1(h) => h.finalize().to_vec(),
            State::Sha224(h) => h.finalize().to_vec(),
            State::Sha256(h) => h.finalize().to_vec(),
            State::Sha384(h) => h.finalize().to_vec(),
            State::Sha512(h) => h.finalize().to_vec(),
            State::Sha3_224(h) => h.finalize().to_vec(),
            State::Sha3_256(h) => h.finalize().to_vec(),
            State::Sha3_384(h) => h.finalize().to_vec(),
            State::Sha3_512(h) => h.finalize().to_vec(),
            State::Shake128(h) => {
                let mut out = vec![0; length];
                h.finalize_xof_into(&mut out);
                out
            }
            State::Shake256(h) => {
                let mut out = vec![0; length];
                h.finalize_xof_into(&mut out);
                out
            }
            State::Blake2b(h) => h.digest(),
            State::Blake2s(h) => h.digest(),
        }
    }

    fn is_shake(&self) -> bool {
        matches!(self, State::Shake128(_) | State::Shake256(_))
    }
}

fn free_state(obj: usize) {
    // SAFETY: run once on a dead hash object, whose state field holds its box (or 0).
    unsafe {
        let p = *((obj + HASH_STATE.offset as usize) as *const *mut State);
        if !p.is_null() {
            drop(Box::from_raw(p));
        }
    }
}

fn state(o: usize) -> &'static mut State {
    // SAFETY: callers pass live hash objects (checked by the method table's type check).
    unsafe { &mut *(read_word(o, &HASH_STATE) as *mut State) }
}

fn new_hash<S: Space>(cx: &mut Cx<'_, S>, st: State) -> usize {
    let o = cx.heap_mut().alloc(&HASH);
    // SAFETY: just allocated with the HASH layout; the finalizer frees the box.
    unsafe { *((o + HASH_STATE.offset as usize) as *mut *mut State) = Box::into_raw(Box::new(st)) };
    o
}

/// Whether `o` is a hash object.
pub fn is_hash(o: usize) -> bool {
    is(o, &HASH)
}

/// `repr(h)`: CPython's, which differs between its OpenSSL hashes and its own BLAKE2 types.
pub fn repr(o: usize) -> String {
    match state(o).name() {
        n @ ("blake2b" | "blake2s") => format!("<_blake2.{n} object at {o:#x}>"),
        n if n.starts_with("shake_") => format!("<{n} _hashlib.HASHXOF object @ {o:#x}>"),
        n => format!("<{n} _hashlib.HASH object @ {o:#x}>"),
    }
}

/// The data attributes of a hash object.
pub fn attr<S: Space>(cx: &mut Cx<'_, S>, o: usize, name: &str) -> Option<usize> {
    let st = state(o);
    let (digest, block) = st.sizes();
    Some(match name {
        "name" => new_str(cx.heap_mut(), st.name()),
        "digest_size" => new_int(cx.heap_mut(), digest as i64),
        "block_size" => new_int(cx.heap_mut(), block as i64),
        _ => return None,
    })
}

/// The bytes of data fed to a hash: a str is refused as CPython refuses it.
fn feed<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, v: usize) -> Result<&'static [u8], usize> {
    if is(v, &STR) {
        return Err(crate::errors::new_error(cx, rt, "TypeError", "Strings must be encoded before hashing"));
    }
    if crate::bytes::buffer(v).is_none() && !crate::memview::is_view(v) {
        return Err(crate::errors::new_error(cx, rt, "TypeError", "object supporting the buffer API required"));
    }
    crate::bytes::buffer_arg(cx, rt, v)
}

/// `_hashlib.new(name, data=b'', digest_size=None, key=b'', salt=b'', person=b'')` (the last
/// four for BLAKE2).
fn h_new<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], kw: Kw<'_>) -> PyResult {
    let names = ["name", "data", "digest_size", "key", "salt", "person"];
    let p = params(cx, rt, "new", args, kw, &names, true)?;
    let Some(name) = p[0].filter(|&n| is(n, &STR)) else {
        return err(cx, rt, "TypeError", "new() argument 'name' must be str");
    };
    let lower = text(name).to_ascii_lowercase();
    // BLAKE2b's limits; BLAKE2s has half of each.
    let half: usize = if lower == "blake2s" { 2 } else { 1 };
    let size = match p[2] {
        Some(v) if v != rt.none.get() => {
            let n = peek_i64(v).unwrap_or(-1);
            if !(1..=64 / half as i64).contains(&n) {
                return err(cx, rt, "ValueError", &format!("digest_size must be between 1 and {} bytes", 64 / half));
            }
            n as usize
        }
        _ => 64 / half,
    };
    let mut parts: [&[u8]; 3] = [&[], &[], &[]];
    for (k, (what, max)) in [("key", 64usize), ("salt", 16), ("person", 16)].into_iter().enumerate() {
        if let Some(v) = p[3 + k].filter(|&v| v != rt.none.get()) {
            let d = crate::bytes::buffer_arg(cx, rt, v)?;
            if d.len() > max / half {
                return err(cx, rt, "ValueError", &format!("maximum {what} length is {} bytes", max / half));
            }
            parts[k] = d;
        }
    }
    let blake = Blake2Params { size, key: parts[0], salt: parts[1], person: parts[2] };
    let Some(mut st) = State::new(&lower, &blake) else {
        return err(cx, rt, "ValueError", &format!("unsupported hash type {}", text(name)));
    };
    if let Some(d) = p[1].filter(|&d| d != rt.none.get()) {
        let d = feed(cx, rt, d)?;
        st.update(d);
    }
    Ok(new_hash(cx, st))
}

fn h_update<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], kw: Kw<'_>) -> PyResult {
    let v = one(cx, rt, "update", args, kw)?;
    let d = feed(cx, rt, v)?;
    state(this(t)).update(d);
    Ok(rt.none.get())
}

/// The digest of `h`: SHAKE objects take the length.
fn digest_of<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    h: usize,
    args: &[usize],
    kw: Kw<'_>,
    what: &str,
) -> Result<Vec<u8>, usize> {
    let st = state(h);
    if st.is_shake() {
        let p = params(cx, rt, &format!("HASHXOF.{what}"), args, kw, &["length"], true)?;
        let Some(n) = p[0] else {
            return Err(crate::errors::new_error(
                cx,
                rt,
                "TypeError",
                &format!("{what}() missing required argument 'length' (pos 1)"),
            ));
        };
        let n = super::textargs::int_arg(cx, rt, n)?;
        if n < 0 {
            return Err(crate::errors::new_error(cx, rt, "ValueError", "negative digest length"));
        }
        return Ok(st.digest(n as usize));
    }
    none(cx, rt, &format!("HASH.{what}"), args, kw)?;
    Ok(st.digest(0))
}

fn h_digest<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], kw: Kw<'_>) -> PyResult {
    let d = digest_of(cx, rt, this(t), args, kw, "digest")?;
    Ok(crate::bytes::new_bytes(cx.heap_mut(), &d))
}

fn h_hexdigest<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], kw: Kw<'_>) -> PyResult {
    let d = digest_of(cx, rt, this(t), args, kw, "hexdigest")?;
    let hex: String = d.iter().map(|b| format!("{b:02x}")).collect();
    Ok(new_str(cx.heap_mut(), &hex))
}

fn h_copy<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], kw: Kw<'_>) -> PyResult {
    none(cx, rt, "copy", args, kw)?;
    let st = state(this(t)).clone();
    Ok(new_hash(cx, st))
}

/// `compare_digest(a, b)`: equality of two ASCII strs or two bytes-like objects, in time
/// that does not depend on where they differ.
fn h_compare_digest<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let p = params(cx, rt, "compare_digest", args, kw, &["a", "b"], true)?;
    let (Some(a), Some(b)) = (p[0], p[1]) else {
        let n = p.iter().flatten().count();
        return err(cx, rt, "TypeError", &format!("compare_digest expected 2 arguments, got {n}"));
    };
    let (x, y): (&[u8], &[u8]) = if is(a, &STR) && is(b, &STR) {
        if !text(a).is_ascii() || !text(b).is_ascii() {
            return err(cx, rt, "TypeError", "comparing strings with non-ASCII characters is not supported");
        }
        (text(a).as_bytes(), text(b).as_bytes())
    } else if !is(a, &STR) {
        (crate::bytes::buffer_arg(cx, rt, a)?, crate::bytes::buffer_arg(cx, rt, b)?)
    } else {
        let msg = format!(
            "unsupported operand types(s) or combination of types: '{}' and '{}'",
            b::type_name(rt, a),
            b::type_name(rt, b)
        );
        return err(cx, rt, "TypeError", &msg);
    };
    let mut diff = (x.len() != y.len()) as u8;
    for k in 0..x.len() {
        diff |= x[k] ^ y.get(k).copied().unwrap_or(!x[k]);
    }
    Ok(rt.bool_obj(diff == 0))
}
