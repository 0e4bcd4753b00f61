//! A small context-mixing compressor for the text the browser build embeds (the catalog
//! and the stylesheet).
//!
//! Why not leave it to the server's gzip: the download is measured gzip -9, and gzip
//! sees only 32 KB back and models no context; on the catalog it leaves 24 KB where this
//! coder leaves about 18 KB, and the decoder's code costs far less than the difference.
//! gzip finds nothing more in the packed bytes, so they travel as they are.
//!
//! Each byte is coded as its Huffman code (about 5 binary decisions per byte of text
//! instead of 8). Each decision is predicted from several contexts — the position in
//! the code tree, the previous 1–4 bytes, the current word, and the longest earlier
//! match — and the predictions are mixed in the logistic domain with weights learnt as
//! it goes, driving a binary arithmetic coder. Encoder and decoder run the same model,
//! so they stay in step bit for bit; only integer arithmetic is used, so a build machine
//! and a browser compute the same numbers.
//!
//! `build.rs` includes this file to pack; the engine unpacks. Unpacking never panics:
//! damaged input decodes to other bytes (which the catalog reader then rejects with its
//! own error), never to an out-of-bounds access.

/// Counters per hashed context model.
const TABLE: usize = 1 << 16;
/// Hashed context models: the last 2, 3 and 4 bytes, and the current word.
const HASHED: usize = 4;
/// Mixer inputs: the code-tree position, the last byte, the hashed models, the match
/// model and a bias.
const INPUTS: usize = HASHED + 4;
/// A counter adapts at rate 1/(n + 2) for its first n updates, then stays at this rate.
const COUNT_LIMIT: u32 = 20;
/// The match model looks up the last `MATCH_MIN` bytes to find an earlier occurrence.
const MATCH_MIN: usize = 5;
/// A counter that has seen nothing: probability one half, count zero.
const FRESH: u32 = 0x8000_0000;
/// The longest Huffman code the packer makes (the decoder builds codes up to 32 bits).
const MAX_CODE: u32 = 24;
/// Marks a code-tree entry as a leaf; the low byte is the symbol.
const LEAF: u16 = 0x100;

/// Packs `data`: its length (4 bytes, little-endian); the number of distinct bytes less
/// one, and each with its code length; then the arithmetic-coded bits.
pub fn pack(data: &[u8]) -> Vec<u8> {
    let mut out = (data.len() as u32).to_le_bytes().to_vec();
    let mut counts = [0u64; 256];
    for &b in data {
        counts[b as usize] += 1;
    }
    let lengths = code_lengths(counts);
    let used: Vec<u8> = (0..=255).filter(|&b| lengths[b as usize] > 0).collect();
    let Some(last) = used.len().checked_sub(1) else {
        return out;
    };
    out.push(last as u8);
    for &symbol in &used {
        out.extend([symbol, lengths[symbol as usize]]);
    }
    let Some(mut model) = Model::new(&lengths) else {
        return out;
    };
    let (mut low, mut high) = (0u32, u32::MAX);
    for &byte in data {
        let (code, length) = model.codes[byte as usize];
        for depth in (0..length).rev() {
            let bit = (code >> depth) & 1;
            let mid = split(low, high, model.predict());
            if bit == 1 {
                high = mid;
            } else {
                low = mid + 1;
            }
            model.update(bit);
            while (low ^ high) >> 24 == 0 {
                out.push((high >> 24) as u8);
                low <<= 8;
                high = (high << 8) | 0xff;
            }
        }
    }
    out.extend_from_slice(&low.to_be_bytes());
    out
}

/// Unpacks what [`pack`] produced. Missing bytes at the end read as zero, so a damaged
/// or truncated input yields wrong bytes rather than a panic.
pub fn unpack(packed: &[u8]) -> Vec<u8> {
    let byte_at = |at: usize| packed.get(at).copied().unwrap_or(0);
    let length = (0..4).fold(0usize, |acc, i| acc | usize::from(byte_at(i)) << (8 * i));
    // A damaged header must not keep the decoder busy for hours: the coder spends at
    // least 1/4096 of a bit per decision, so no real input expands more than 4096-fold.
    let length = length.min(packed.len().saturating_mul(4096));
    if length == 0 {
        return Vec::new();
    }
    let mut lengths = [0u8; 256];
    let symbols = usize::from(byte_at(4)) + 1;
    for i in 0..symbols {
        lengths[usize::from(byte_at(5 + 2 * i))] = byte_at(6 + 2 * i);
    }
    let Some(mut model) = Model::new(&lengths) else {
        return Vec::new();
    };
    let mut next = 5 + 2 * symbols;
    let mut x = 0u32;
    for _ in 0..4 {
        x = (x << 8) | u32::from(byte_at(next));
        next += 1;
    }
    let (mut low, mut high) = (0u32, u32::MAX);
    while model.seen.len() < length {
        let mid = split(low, high, model.predict());
        let bit = u32::from(x <= mid);
        if bit == 1 {
            high = mid;
        } else {
            low = mid + 1;
        }
        model.update(bit);
        while (low ^ high) >> 24 == 0 {
            low <<= 8;
            high = (high << 8) | 0xff;
            x = (x << 8) | u32::from(byte_at(next));
            next += 1;
        }
    }
    model.seen
}

/// The point dividing `[low, high]` in proportion to the 12-bit probability of a 1.
#[inline(always)]
fn split(low: u32, high: u32, p1: u32) -> u32 {
    low + ((high - low) >> 12) * p1
}

/// Huffman code lengths for bytes seen this often (0 for bytes never seen), none
/// longer than [`MAX_CODE`]. A lone symbol gets a 1-bit code.
fn code_lengths(mut counts: [u64; 256]) -> [u8; 256] {
    loop {
        // Trees as (weight, symbols under it); merge the two lightest until one is left.
        let mut trees: Vec<(u64, Vec<u8>)> = (0..=255u8)
            .filter(|&b| counts[b as usize] > 0)
            .map(|b| (counts[b as usize], vec![b]))
            .collect();
        let mut lengths = [0u8; 256];
        if trees.len() == 1 {
            lengths[trees[0].1[0] as usize] = 1;
        }
        while trees.len() > 1 {
            let lightest = |trees: &mut Vec<(u64, Vec<u8>)>| {
                let at = (0..trees.len()).min_by_key(|&i| trees[i].0).unwrap_or(0);
                trees.swap_remove(at)
            };
            let (wa, a) = lightest(&mut trees);
            let (wb, b) = lightest(&mut trees);
            for &symbol in a.iter().chain(&b) {
                lengths[symbol as usize] += 1;
            }
            trees.push((wa + wb, [a, b].concat()));
        }
        if lengths.iter().all(|&l| u32::from(l) <= MAX_CODE) {
            return lengths;
        }
        // Too deep: flatten the distribution and try again.
        for count in counts.iter_mut().filter(|c| **c > 0) {
            *count = *count / 2 + 1;
        }
    }
}

/// The logistic function on the model's fixed-point scale: `d` in −2047..=2047
/// (stretch units of 1/256) to a 12-bit probability.
fn squash(d: i32) -> i32 {
    const POINTS: [i32; 33] = [
        1, 2, 3, 6, 10, 16, 27, 45, 73, 120, 194, 310, 488, 747, 1101, 1546, 2047, 2549, 2994,
        3348, 3607, 3785, 3901, 3975, 4022, 4050, 4068, 4079, 4085, 4089, 4092, 4093, 4094,
    ];
    let d = d.clamp(-2047, 2047) + 2048;
    let (at, w) = ((d >> 7) as usize, d & 127);
    (POINTS[at] * (128 - w) + POINTS[at + 1] * w + 64) >> 7
}

/// `65536 / (n + 2)`: how far a counter updated `n` times moves towards the bit
/// (32 entries, so a 5-bit count indexes it without a bounds check).
const RATE: [u32; 32] = {
    let mut table = [0; 32];
    let mut n = 0;
    while n < 32 {
        table[n] = 65536 / (n as u32 + 2);
        n += 1;
    }
    table
};

/// Moves a counter (16-bit probability of a 1 in the high half, update count in the low)
/// towards the bit, quickly while it is young.
#[inline(always)]
fn adapt(counter: &mut u32, bit: u32) {
    let p = *counter >> 16;
    let count = *counter & 31;
    let rate = RATE[count as usize];
    let p = if bit == 1 {
        p + (((0xffff - p) * rate) >> 16)
    } else {
        p - ((p * rate) >> 16)
    };
    *counter = (p << 16) | (count + u32::from(count < COUNT_LIMIT));
}

/// A boxed array of `N` copies of `value`, built on the heap (an array this large
/// would not fit on the stack first).
fn filled<T: Copy, const N: usize>(value: T) -> Option<Box<[T; N]>> {
    vec![value; N].into_boxed_slice().try_into().ok()
}

/// Everything encoder and decoder must keep identical.
struct Model {
    /// Each byte's canonical Huffman code and its length.
    codes: [(u32, u32); 256],
    /// The code tree: for each inner node, its two children (an inner node's index, or
    /// [`LEAF`] with a symbol; 0 where a damaged header left a gap).
    tree: Vec<[u16; 2]>,
    /// The inner node the next decision is made at (0: the root).
    node: usize,
    /// How many decisions of the current byte are made.
    depth: u32,
    /// `stretch[p]`: the inverse of [`squash`], for every 12-bit probability.
    stretch: Box<[i16; 4096]>,
    /// `squashed[d + 2048]`: [`squash`] for every stretched value.
    squashed: Box<[u16; 4096]>,
    /// Counters by code-tree node (order 0) and by previous byte and node (order 1).
    order0: Box<[u32; 256]>,
    order1: Box<[u32; 1 << 16]>,
    /// The hashed models' counters, [`TABLE`] each.
    hashed: Box<[u32; HASHED * TABLE]>,
    /// The hashed models' contexts, fixed for the duration of a byte.
    hashes: [u32; HASHED],
    /// The counters used for the current decision (order 0, order 1, hashed).
    slots: [usize; HASHED + 2],
    /// Mixer weights (16.16 fixed point), one set per code-tree node.
    weights: Box<[[i32; INPUTS]; 256]>,
    /// The mixer's inputs for the current decision (stretched probabilities).
    inputs: [i32; INPUTS],
    /// The mixed prediction, 12 bits.
    mixed: i32,
    /// A hash of the letters of the current word.
    word: u32,
    /// Every byte coded so far (the output, when decoding).
    seen: Vec<u8>,
    /// Where the last `MATCH_MIN` bytes were seen before, by their hash.
    positions: Box<[u32; 1 << 16]>,
    /// The position the current match predicts from, and its length (0: no match).
    match_at: usize,
    match_len: usize,
    /// Whether this byte's decisions so far agree with the predicted byte's code.
    match_alive: bool,
    /// "The match is right" counters, by match length and predicted bit; the one in use.
    match_counters: [u32; 64],
    match_slot: Option<usize>,
}

impl Model {
    /// A fresh model for the code with these lengths; `None` when the lengths do not
    /// make a usable code (a damaged header).
    fn new(lengths: &[u8; 256]) -> Option<Self> {
        let codes = canonical_codes(lengths)?;
        let tree = code_tree(lengths, &codes)?;
        let mut stretch = filled(2047i16)?;
        let mut squashed = filled(0u16)?;
        let mut done = 0usize;
        for d in -2047..=2047 {
            let p = squash(d) as usize;
            squashed[(d + 2048) as usize] = p as u16;
            for slot in stretch.iter_mut().take(p + 1).skip(done) {
                *slot = d as i16;
            }
            done = done.max(p + 1);
        }
        let mut model = Model {
            codes,
            tree,
            node: 0,
            depth: 0,
            stretch,
            squashed,
            order0: filled(FRESH)?,
            order1: filled(FRESH)?,
            hashed: filled(FRESH)?,
            hashes: [0; HASHED],
            slots: [0; HASHED + 2],
            weights: filled([1 << 14; INPUTS])?,
            inputs: [0; INPUTS],
            mixed: 2048,
            word: 0,
            seen: Vec::new(),
            positions: filled(0)?,
            match_at: 0,
            match_len: 0,
            match_alive: false,
            match_counters: [FRESH; 64],
            match_slot: None,
        };
        model.start_byte();
        Some(model)
    }

    /// The last `n` bytes, oldest first, as one number (zeros before the start).
    fn last(&self, n: usize) -> u64 {
        let from = self.seen.len().saturating_sub(n);
        self.seen[from..]
            .iter()
            .fold(0, |acc, &b| (acc << 8) | u64::from(b))
    }

    /// Contexts for the next byte, from the bytes before it.
    fn start_byte(&mut self) {
        let hash = |n: u64, order: u64| {
            let h = (n ^ (order << 56)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
            (h >> 32) as u32
        };
        self.hashes = [
            hash(self.last(2), 2),
            hash(self.last(3), 3),
            hash(self.last(4), 4),
            hash(u64::from(self.word), 7),
        ];
        self.node = 0;
        self.depth = 0;
        self.match_alive = self.match_len > 0;
    }

    /// The probability (12 bits, never 0 or 4096) that the next decision is a 1.
    #[inline(never)]
    fn predict(&mut self) -> u32 {
        let node = self.node & 0xff;
        let previous = usize::from(self.seen.last().copied().unwrap_or(0));
        self.slots[0] = node;
        self.slots[1] = (previous << 8) | node;
        for i in 0..HASHED {
            let h = self.hashes[i]
                .wrapping_add((node as u32 + 1).wrapping_mul(0x2545_F491))
                .wrapping_mul(0x9E37_79B1);
            self.slots[i + 2] = (i % HASHED) * TABLE + (h >> 16) as usize;
        }
        let stretch = &self.stretch;
        let input = |counter: u32| i32::from(stretch[(counter >> 20) as usize]);
        self.inputs[0] = input(self.order0[node]);
        self.inputs[1] = input(self.order1[self.slots[1] & 0xffff]);
        for i in 0..HASHED {
            self.inputs[i + 2] = input(self.hashed[self.slots[i + 2] % (HASHED * TABLE)]);
        }
        self.inputs[HASHED + 2] = self.match_input();
        self.inputs[HASHED + 3] = 256;
        let weights = &self.weights[node];
        let dot: i64 = (0..INPUTS)
            .map(|i| i64::from(self.inputs[i]) * i64::from(weights[i]))
            .sum();
        let d = ((dot >> 16) as i32).clamp(-2047, 2047);
        self.mixed = i32::from(self.squashed[(d + 2048) as usize]).clamp(1, 4095);
        self.mixed as u32
    }

    /// The match model's input: for or against the bit the earlier occurrence's byte has
    /// here, as strongly as matches of this length have been right.
    #[inline(always)]
    fn match_input(&mut self) -> i32 {
        self.match_slot = None;
        if !self.match_alive {
            return 0;
        }
        let expected = self.seen.get(self.match_at).copied().unwrap_or(0);
        let (code, length) = self.codes[usize::from(expected)];
        let Some(below) = length.checked_sub(self.depth + 1) else {
            return 0;
        };
        let bit = (code >> below) & 1;
        let slot = (self.match_len.min(31) << 1) | bit as usize;
        self.match_slot = Some(slot);
        let strength = i32::from(self.stretch[(self.match_counters[slot & 63] >> 20) as usize]);
        if bit == 1 {
            strength
        } else {
            -strength
        }
    }

    /// Learns from the decision just coded and moves down the code tree.
    #[inline(never)]
    fn update(&mut self, bit: u32) {
        let error = ((bit as i32) << 12) - self.mixed;
        let node = self.node & 0xff;
        for (w, &x) in self.weights[node].iter_mut().zip(&self.inputs) {
            *w += (x * error) >> 11;
        }
        adapt(&mut self.order0[node], bit);
        adapt(&mut self.order1[self.slots[1] & 0xffff], bit);
        for &slot in &self.slots[2..] {
            adapt(&mut self.hashed[slot % (HASHED * TABLE)], bit);
        }
        if let Some(slot) = self.match_slot {
            let right = bit == slot as u32 & 1;
            adapt(&mut self.match_counters[slot & 63], u32::from(right));
            self.match_alive &= right;
        }
        let child = self
            .tree
            .get(node)
            .map_or(0, |children| children[bit as usize & 1]);
        self.depth += 1;
        if child & LEAF != 0 || child == 0 {
            self.end_byte(child as u8);
        } else {
            self.node = usize::from(child);
        }
    }

    /// Appends a decoded byte and prepares the contexts for the next one.
    fn end_byte(&mut self, byte: u8) {
        self.word = if byte.is_ascii_alphabetic() {
            (self.word ^ u32::from(byte | 32)).wrapping_mul(0x0100_0193)
        } else {
            0
        };
        if self.match_len > 0 && self.seen.get(self.match_at) == Some(&byte) {
            self.match_len += 1;
            self.match_at += 1;
        } else {
            self.match_len = 0;
        }
        self.seen.push(byte);
        let end = self.seen.len();
        if end >= MATCH_MIN {
            let key = self.seen[end - MATCH_MIN..]
                .iter()
                .fold(0u32, |h, &b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193));
            let entry = usize::from((key >> 16) as u16);
            if self.match_len == 0 && self.positions[entry] > 0 {
                self.match_at = self.positions[entry] as usize;
                self.match_len = 1;
            }
            self.positions[entry] = end as u32;
        }
        self.start_byte();
    }
}

/// Canonical Huffman codes for these lengths: shorter codes first, then by byte value.
/// `None` if the lengths over-fill the code space or exceed 32 bits.
fn canonical_codes(lengths: &[u8; 256]) -> Option<[(u32, u32); 256]> {
    let mut codes = [(0u32, 0u32); 256];
    let mut code = 0u64;
    let mut previous = 0u32;
    for length in 1..=32u32 {
        for symbol in 0..256 {
            if u32::from(lengths[symbol]) != length {
                continue;
            }
            code <<= length - previous;
            previous = length;
            if code >> length != 0 {
                return None;
            }
            codes[symbol] = (code as u32, length);
            code += 1;
        }
    }
    Some(codes)
}

/// The decoding tree of a prefix code; at most 255 inner nodes (one fewer than the
/// symbols), so a node fits in a byte of context.
fn code_tree(lengths: &[u8; 256], codes: &[(u32, u32); 256]) -> Option<Vec<[u16; 2]>> {
    let mut tree = vec![[0u16; 2]];
    for symbol in 0..256 {
        let (code, length) = codes[symbol];
        if lengths[symbol] == 0 {
            continue;
        }
        let mut node = 0usize;
        for depth in (1..length).rev() {
            let side = ((code >> depth) & 1) as usize;
            let child = tree[node][side];
            node = if child == 0 {
                tree.push([0; 2]);
                let new = tree.len() - 1;
                tree[node][side] = new as u16;
                new
            } else if child & LEAF == 0 {
                usize::from(child)
            } else {
                return None;
            };
        }
        tree[node][(code & 1) as usize] = LEAF | symbol as u16;
    }
    (tree.len() <= 255).then_some(tree)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_text_binary_one_symbol_and_empty_input() {
        let text = "The organization shall determine the AI roles. ".repeat(40);
        let binary: Vec<u8> = (0..3000u32).map(|i| (i * 7919 % 256) as u8).collect();
        let one = [b'x'; 100];
        for data in [text.as_bytes(), &binary, &one, b""] {
            let round_trip = unpack(&pack(data));
            assert!(
                round_trip == data,
                "{} bytes in, {} out",
                data.len(),
                round_trip.len()
            );
        }
    }

    #[test]
    fn repetitive_text_packs_small() {
        let text = "risk assessment, risk treatment, impact assessment; ".repeat(200);
        let packed = pack(text.as_bytes());
        assert!(packed.len() * 20 < text.len(), "{} bytes", packed.len());
    }

    #[test]
    fn skewed_counts_still_get_a_complete_code_of_at_most_max_code_bits() {
        // Fibonacci counts make the deepest Huffman tree: 39 bits for 40 symbols.
        let mut counts = [0u64; 256];
        let (mut a, mut b) = (1u64, 1u64);
        for count in counts.iter_mut().take(40) {
            *count = a;
            (a, b) = (b, a + b);
        }
        let lengths = code_lengths(counts);
        assert!(lengths.iter().all(|&l| u32::from(l) <= MAX_CODE));
        let kraft: f64 = lengths
            .iter()
            .filter(|&&l| l > 0)
            .map(|&l| 0.5f64.powi(i32::from(l)))
            .sum();
        assert!((kraft - 1.0).abs() < 1e-9, "Kraft sum {kraft}");
        assert!(canonical_codes(&lengths).is_some());
    }

    #[test]
    fn damaged_input_gives_bytes_not_a_panic() {
        let mut packed = pack(b"Statement of Applicability");
        let header = 5 + 2 * (usize::from(packed[4]) + 1);
        for byte in packed.iter_mut().skip(header) {
            *byte ^= 0x5a;
        }
        assert_ne!(unpack(&packed), b"Statement of Applicability");
        for i in 4..header {
            let mut broken = pack(b"Statement of Applicability");
            broken[i] = broken[i].wrapping_add(1);
            let _ = unpack(&broken);
        }
        assert!(unpack(&[0xff; 6]).len() <= 6 * 4096);
        assert_eq!(unpack(&[]), b"");
    }
}
