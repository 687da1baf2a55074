//! Every change leaves an audit entry from which each earlier state can be rebuilt.

mod common;

use common::*;
use dpadesk_model::*;

#[tokio::test]
async fn each_earlier_state_is_rebuilt_from_the_audit_log() {
    let t = temp_vault().await;
    let v = &t.vault;
    let ven = vendor("Mailchimp");
    v.insert(&ven).await.expect("insert");
    let mut states = vec![ven.clone()];
    for (day, name) in [
        (2, "Intuit Mailchimp"),
        (3, "The Rocket Science Group LLC"),
        (4, "Mandrill"),
    ] {
        let mut next = states.last().expect("state").clone();
        let seen = next.updated_at;
        next.data.legal_name = name.into();
        next.data.website = format!("https://{day}.example");
        next.updated_at = at(day);
        v.update(&next, seen).await.expect("update");
        states.push(next);
    }
    v.delete::<VendorData>(ven.id, at(5)).await.expect("delete");

    let history = v
        .history(EntityKind::Vendor, ven.id)
        .await
        .expect("history");
    assert_eq!(history.len(), 5);
    let actions: Vec<_> = history.iter().map(|e| e.action).collect();
    use AuditAction::*;
    assert_eq!(actions, [Create, Update, Update, Update, Delete]);
    for (i, state) in states.iter().enumerate() {
        let rebuilt: Vendor =
            serde_json::from_value(history[i].after.clone().expect("after")).expect("parse");
        assert_eq!(&rebuilt, state, "state {i}");
        if i > 0 {
            let before: Vendor =
                serde_json::from_value(history[i].before.clone().expect("before")).expect("parse");
            assert_eq!(&before, &states[i - 1]);
        }
    }
    let last: Vendor =
        serde_json::from_value(history[4].before.clone().expect("before")).expect("parse");
    assert_eq!(&last, states.last().expect("state"));
    assert!(
        history
            .iter()
            .all(|e| e.actor == v.actor() && !e.actor.is_empty())
    );
    assert_eq!(history[2].at, at(3));

    let until_day_3 = v.changes_until(at(3)).await.expect("until");
    assert_eq!(until_day_3.len(), 3);
    t.vault.close().await.expect("closed");
}

#[tokio::test]
async fn a_failed_change_leaves_no_audit_entry() {
    let t = temp_vault().await;
    let v = &t.vault;
    let org = organisation("Acme", &[]);
    v.insert(&org).await.expect("org");
    // The vendor does not exist: the foreign key refuses the DPA and nothing is logged.
    let orphan = dpa(org.id, Id::new(), None);
    assert!(v.insert(&orphan).await.is_err());
    assert!(
        v.history(EntityKind::Dpa, orphan.id)
            .await
            .expect("history")
            .is_empty()
    );
    assert!(v.get::<DpaData>(orphan.id).await.expect("get").is_none());
    t.vault.close().await.expect("closed");
}

#[tokio::test]
async fn an_organisations_past_is_read_from_its_own_entries_and_the_shared_ones() {
    let t = temp_vault().await;
    let v = &t.vault;
    let ven = vendor("Mailchimp");
    v.insert(&ven).await.expect("vendor");
    let (acme, beta) = (organisation("Acme", &[]), organisation("Beta", &[]));
    v.insert(&acme).await.expect("acme");
    v.insert(&beta).await.expect("beta");
    let mine = activity(acme.id, ven.id, &[]);
    let theirs = activity(beta.id, ven.id, &[]);
    v.insert(&mine).await.expect("activity");
    v.insert(&theirs).await.expect("activity");
    v.delete::<ActivityData>(theirs.id, at(20))
        .await
        .expect("deleted");

    let far = at(28);
    let log = v
        .organisation_changes_until(acme.id, far)
        .await
        .expect("acme's past");
    let ids: Vec<Id> = log.iter().map(|e| e.entity_id).collect();
    assert_eq!(ids, [ven.id, acme.id, mine.id], "{log:#?}");
    let log = v
        .organisation_changes_until(beta.id, far)
        .await
        .expect("beta's past");
    let ids: Vec<Id> = log.iter().map(|e| e.entity_id).collect();
    assert_eq!(
        ids,
        [ven.id, beta.id, theirs.id, theirs.id],
        "a deletion is Beta's too"
    );
    t.vault.close().await.expect("closed");
}
