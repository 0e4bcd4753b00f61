//! Browser measurements for `scripts/bench.sh` (not part of the test command: speed
//! targets live in the benchmark, not in timed tests). Prints `BENCH name value unit`
//! lines; asserts only that the work was really done.
//! `cargo test --release --target wasm32-unknown-unknown --test browser_bench -- --nocapture`
#![cfg(target_arch = "wasm32")]

use aims_readiness::config::Config;
use aims_readiness::engine::{
    apply, score, Assessment, Catalog, Date, Edit, MaturityLevel, Timestamp,
};
use aims_readiness::state::Repository;
use aims_readiness::ui::app::{App, AppProps};
use aims_readiness::ui::services::records;
use aims_readiness::ui::services::storage::LocalStore;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};
use yew_router::history::{AnyHistory, MemoryHistory};

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

fn full(id: &str) -> Assessment {
    let c = Catalog::builtin();
    let ts = Timestamp::parse("2026-11-29T08:00:00Z").expect("ts");
    let mut a = Assessment::new(c, id.into(), format!("Assessment {id}"), ts.clone());
    for (n, i) in c.item_ids().enumerate() {
        apply(
            c,
            &mut a,
            Edit::Maturity(i, MaturityLevel::from_number((n % 6) as u64)),
            ts.clone(),
        )
        .expect("edit");
        if n % 2 == 0 {
            apply(
                c,
                &mut a,
                Edit::AddEvidence(i, format!("DMS-{n}")),
                ts.clone(),
            )
            .expect("edit");
        }
    }
    a
}

/// A record id: a version-4 UUID made from a number.
fn uuid(n: usize) -> String {
    format!("00000000-0000-4000-8000-{n:012x}")
}

/// The large registers as the app keeps them (checked JSON): 50 AI systems, 500
/// risks, 2,000 evidence records.
fn with_large_registers(mut a: Assessment) -> Assessment {
    use serde_json::{json, Value};
    let c = Catalog::builtin();
    let ids: Vec<String> = c.item_ids().map(|i| c.item(i).id.clone()).collect();
    let approval = json!({"by": "Jo Smith", "on": "2026-12-01"});
    let systems = (0..50)
        .map(|n| json!({"id": uuid(n), "name": format!("System {n}"), "in_scope": true,
            "impact_assessment": {"approval": if n % 2 == 0 { approval.clone() } else { Value::Null }}}))
        .collect();
    let risks = (0..500)
        .map(|n| {
            json!({"id": uuid(1000 + n), "title": format!("Risk {n}"),
            "likelihood": 1 + n % 5, "consequence": 1 + n / 5 % 5, "treatment": "modify",
            "controls": [ids[38 + n % 32].clone()], "own_controls": [],
            "acceptance": if n % 3 == 0 { Value::Null } else { approval.clone() },
            "closed": false})
        })
        .collect();
    let evidence = (0..2000)
        .map(|n| {
            json!({"id": uuid(10_000 + n), "title": format!("Evidence {n}"),
            "location": "records/evidence.pdf",
            "review_by": if n % 2 == 0 { "2026-06-30" } else { "2027-06-30" },
            "supports": [ids[n % ids.len()].clone()]})
        })
        .collect();
    a.registers.0 = [
        Some(Value::Array(systems)),
        Some(json!({"likelihoods": 5, "consequences": 5, "acceptance": 6})),
        Some(Value::Array(risks)),
        Some(Value::Array(evidence)),
    ];
    a
}

fn clear(prefix: &str) {
    let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return;
    };
    let keys: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .collect();
    for k in keys.into_iter().filter(|k| k.starts_with(prefix)) {
        let _ = storage.remove_item(&k);
    }
}

#[wasm_bindgen_test]
async fn measure() {
    let c = Catalog::builtin();

    // Re-scoring after an answer: one edit through the engine, then a full score; then
    // the same with the registers of 50 systems, 500 risks and 2,000 evidence records.
    let today = Date::parse("2026-12-07").expect("a date");
    let item = c.find_item("6.1.2").expect("item");
    for (name, mut a, n) in [
        ("rescore_browser_us", full("bench"), 5000),
        (
            "rescore_registers_browser_us",
            with_large_registers(full("bench")),
            200,
        ),
    ] {
        let ts = a.updated.clone();
        let start = now();
        let mut verdicts = 0;
        for k in 0..n {
            apply(
                c,
                &mut a,
                Edit::Maturity(item, MaturityLevel::from_number(k % 6)),
                ts.clone(),
            )
            .expect("edit");
            verdicts += score(c, &a, today).gaps.len();
        }
        let per = (now() - start) * 1000.0 / f64::from(n as u32);
        assert!(verdicts > 0);
        console_log!("BENCH {name} {per:.2} us");
    }

    // Saving one assessment (compact export + index update) into the browser's database
    // as the app has it: the copy in memory at once, the transaction after.
    clear("aims.bench.");
    let opened = js_sys::Promise::new(&mut |ok, _| {
        // (Not locked: the lock screen would go in the page's body.)
        let body = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body())
            .expect("a page");
        records::open("aims.bench.v1.", &body, "en", move || {
            let _ = ok.call0(&JsValue::NULL);
        })
    });
    wasm_bindgen_futures::JsFuture::from(opened)
        .await
        .expect("opened");
    let store = LocalStore::new("bench");
    store.delete_all().expect("empty");
    let saves = 200;
    let start = now();
    for k in 0..saves {
        store.save(c, &full(&format!("s{k}"))).expect("saved");
    }
    // full() itself costs time: measure it alone and subtract.
    let build_start = now();
    for k in 0..saves {
        assert!(!full(&format!("s{k}")).id.is_empty());
    }
    let build = now() - build_start;
    let per_save = ((now() - start) - 2.0 * build).max(0.0) / f64::from(saves);
    console_log!("BENCH save_ms {per_save:.3} ms");
    // Until the database has committed all 200 (transactions run in order: the last
    // one's end is everyone's).
    let committed = js_sys::Promise::new(&mut |ok, _| {
        records::records("aims.bench.v1.").settled(move || {
            let _ = ok.call0(&JsValue::NULL);
        })
    });
    wasm_bindgen_futures::JsFuture::from(committed)
        .await
        .expect("committed");
    console_log!(
        "BENCH save_committed_ms {:.1} ms",
        now() - start - 2.0 * build
    );

    // Listing alone (index read + key scan), then the home screen: list + first render.
    let start = now();
    assert_eq!(store.list(c).expect("lists").len(), 200);
    console_log!("BENCH list_200_ms {:.2} ms", now() - start);
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let root = document.create_element("div").expect("div");
    document
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    let start = now();
    let config = Config {
        namespace: "bench".into(),
        ..Config::default()
    };
    yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        AppProps {
            config: Rc::new(config),
            host: None,
            history: Some(AnyHistory::from(MemoryHistory::new())),
        },
    )
    .render();
    yew::scheduler::flush().await;
    let home_ms = now() - start;
    let cards = root
        .query_selector_all(".aims-card")
        .map(|l| l.length())
        .unwrap_or(0);
    assert_eq!(cards, 20, "the first page of the list");
    let text = root.text_content().unwrap_or_default();
    assert!(
        text.contains("Saved in this browser (200)"),
        "the heading counts all 200"
    );
    console_log!("BENCH home_200_ms {home_ms:.2} ms");

    // Memory with all 200 assessments loaded.
    let loaded: Vec<Assessment> = (0..saves)
        .map(|k| store.load(c, &format!("s{k}")).expect("loads"))
        .collect();
    assert_eq!(loaded.len(), 200);
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    let bytes = memory
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length();
    console_log!(
        "BENCH wasm_memory_mb {:.2} MB",
        f64::from(bytes) / 1_048_576.0
    );
    clear("aims.bench.");
}
