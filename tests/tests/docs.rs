//! The repository's own documents: every relative link in README.md and docs/ resolves to a
//! file of the repository (a fresh clone has nothing outside it).

use std::path::{Component, Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// The targets of the Markdown links `[text](target)` in `text`.
fn link_targets(text: &str) -> Vec<String> {
    let mut out = vec![];
    let mut rest = text;
    while let Some(i) = rest.find("](") {
        rest = &rest[i + 2..];
        let end = rest.find(')').expect("unclosed link");
        out.push(rest[..end].to_string());
        rest = &rest[end..];
    }
    out
}

/// Where a relative link from `doc` points, if it stays inside the repository.
fn resolve(doc: &Path, target: &str) -> Option<PathBuf> {
    let target = target.split('#').next().unwrap();
    let mut path = doc.parent().unwrap().strip_prefix(repo()).unwrap().to_path_buf();
    for c in Path::new(target).components() {
        match c {
            Component::ParentDir => {
                if !path.pop() {
                    return None;
                }
            }
            Component::Normal(p) => path.push(p),
            Component::CurDir => {}
            _ => return None,
        }
    }
    Some(repo().join(path))
}

#[test]
fn links_in_readme_and_docs_resolve_inside_the_repository() {
    let mut docs = vec![repo().join("README.md")];
    for e in std::fs::read_dir(repo().join("docs")).unwrap() {
        docs.push(e.unwrap().path());
    }
    let mut checked = 0;
    for doc in &docs {
        let text = std::fs::read_to_string(doc).unwrap();
        for target in link_targets(&text) {
            if target.starts_with("http://") || target.starts_with("https://") || target.starts_with('#') {
                continue;
            }
            let path =
                resolve(doc, &target).unwrap_or_else(|| panic!("{}: {target} leaves the repository", doc.display()));
            assert!(path.exists(), "{}: {target} does not exist", doc.display());
            checked += 1;
        }
    }
    assert!(checked >= 1, "README links the design notes");
    assert!(resolve(&repo().join("README.md"), "../shared/ARCHITECTURE.md").is_none());
    assert_eq!(link_targets("see [a](b.md) and [c](d/e.md#f)"), ["b.md", "d/e.md#f"]);
}
