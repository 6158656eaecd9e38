//! The tool's key folder: the newest key signs, every key is published, bad files are refused.

use std::time::{Duration, SystemTime};

use stackway_lti::{KeyError, ToolKeys};

fn folder(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("stackway-lti-keys-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write_aged(path: &std::path::Path, text: &str, age: Duration) {
    std::fs::write(path, text).unwrap();
    let file = std::fs::File::options().write(true).open(path).unwrap();
    file.set_modified(SystemTime::now() - age).unwrap();
}

#[test]
fn the_newest_key_signs_and_all_keys_are_published() {
    let dir = folder("rotation");
    // "zz-old" sorts last by name but is older: modification time decides.
    write_aged(
        &dir.join("zz-old.pem"),
        include_str!("data/platform-key-1.pem"),
        Duration::from_secs(86_400),
    );
    write_aged(
        &dir.join("aa-new.pem"),
        include_str!("data/tool-key.pem"),
        Duration::from_secs(60),
    );
    std::fs::write(dir.join("README.txt"), "not a key").unwrap();
    let keys = ToolKeys::load_dir(&dir).unwrap();
    assert_eq!(keys.signing_kid(), "aa-new");
    let kids: Vec<&str> = keys.jwks()["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["kid"].as_str().unwrap())
        .collect();
    assert_eq!(kids, ["aa-new", "zz-old"]);
    let token = keys.sign(&serde_json::json!({"hello": "world"})).unwrap();
    assert_eq!(
        jsonwebtoken::decode_header(&token).unwrap().kid.as_deref(),
        Some("aa-new")
    );
}

#[test]
fn an_empty_folder_or_a_bad_file_is_refused_with_its_path() {
    let dir = folder("empty");
    assert!(matches!(
        ToolKeys::load_dir(&dir),
        Err(KeyError::Empty { .. })
    ));
    std::fs::write(
        dir.join("broken.pem"),
        "-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----\n",
    )
    .unwrap();
    let err = ToolKeys::load_dir(&dir).unwrap_err();
    assert!(err.to_string().contains("broken.pem"), "{err}");
}

#[test]
fn generated_keys_load_and_sign() {
    let dir = folder("generate");
    let path = stackway_lti::generate_key(&dir).unwrap();
    let keys = ToolKeys::load_dir(&dir).unwrap();
    assert_eq!(
        keys.signing_kid(),
        path.file_stem().unwrap().to_str().unwrap()
    );
}
