<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AlertDialog</name>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="60"/>
        <source>Add an alert</source>
        <translation>Add an alert</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="81"/>
        <source>&amp;Type:</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="82"/>
        <source>&amp;Alert:</source>
        <translation>&amp;Alert:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="83"/>
        <source>A&amp;uthorised by:</source>
        <translation>A&amp;uthorised by:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="84"/>
        <source>Active &amp;from:</source>
        <translation>Active &amp;from:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="85"/>
        <source>&amp;Comment:</source>
        <translation>&amp;Comment:</translation>
    </message>
</context>
<context>
    <name>AllocateDialog</name>
    <message>
        <location filename="../../app/ui/workflows/allocate.py" line="34"/>
        <source>Allocate to an activity</source>
        <translation>Allocate to an activity</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/allocate.py" line="40"/>
        <source>Put on the &amp;waiting list instead</source>
        <translation>Put on the &amp;waiting list instead</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/allocate.py" line="44"/>
        <source>&amp;Activity:</source>
        <translation>&amp;Activity:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/allocate.py" line="45"/>
        <source>&amp;From:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/allocate.py" line="46"/>
        <source>&amp;Override reason:</source>
        <translation>&amp;Override reason:</translation>
    </message>
</context>
<context>
    <name>AmendDialog</name>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="191"/>
        <source>Amend a case note</source>
        <translation>Amend a case note</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="193"/>
        <source>Original: %1</source>
        <translation>Original: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="198"/>
        <source>Corrected note</source>
        <translation>Corrected note</translation>
    </message>
</context>
<context>
    <name>AssessmentDialog</name>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="68"/>
        <location filename="../../app/ui/assessment/editor.py" line="82"/>
        <source>Assessment</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="71"/>
        <source>Opening…</source>
        <translation>Opening…</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="76"/>
        <source>Save status</source>
        <translation>Save status</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="92"/>
        <source>A&amp;nswers</source>
        <translation>A&amp;nswers</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="93"/>
        <source>Resul&amp;t</source>
        <translation>Resul&amp;t</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="96"/>
        <source>&amp;Complete assessment</source>
        <translation>&amp;Complete assessment</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="99"/>
        <source>Counter&amp;sign</source>
        <translation>Counter&amp;sign</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="102"/>
        <source>C&amp;lose</source>
        <translation>C&amp;lose</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="134"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="141"/>
        <source>Your role may not read the answers of this assessment.</source>
        <translation>Your role may not read the answers of this assessment.</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="152"/>
        <source>Draft last saved %1</source>
        <translation>Draft last saved %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="158"/>
        <source>%1 (version %2) for %3</source>
        <translation>%1 (version %2) for %3</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="160"/>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="161"/>
        <source>Assessor: %1</source>
        <translation>Assessor: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="163"/>
        <source>Countersigned by %1 on %2</source>
        <translation>Countersigned by %1 on %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="184"/>
        <source>Changes not saved yet…</source>
        <translation>Changes not saved yet…</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="195"/>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="213"/>
        <source>Draft saved %1, except: %2</source>
        <translation>Draft saved %1, except: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="216"/>
        <source>Draft saved %1</source>
        <translation>Draft saved %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="225"/>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="265"/>
        <source>Completed %1</source>
        <translation>Completed %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="312"/>
        <source>Countersigned.</source>
        <translation>Countersigned.</translation>
    </message>
</context>
<context>
    <name>AssessmentStatus</name>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="34"/>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="35"/>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="36"/>
        <source>Countersigned</source>
        <translation>Countersigned</translation>
    </message>
</context>
<context>
    <name>AssessmentSummary</name>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="36"/>
        <source>Needs</source>
        <translation>Needs</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="40"/>
        <source>Need area</source>
        <translation>Need area</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="41"/>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="42"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="43"/>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="43"/>
        <source>priority</source>
        <translation>priority</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="45"/>
        <source>Needs profile</source>
        <translation>Needs profile</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="49"/>
        <source>Risk and screening over time</source>
        <translation>Risk and screening over time</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="58"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="59"/>
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="60"/>
        <source>Band</source>
        <translation>Band</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="61"/>
        <source>Professional&apos;s decision</source>
        <translation>Professional&apos;s decision</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="62"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="65"/>
        <source>Assessment history</source>
        <translation>Assessment history</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="86"/>
        <source>agreed</source>
        <translation>agreed</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="88"/>
        <source>overridden: %1</source>
        <translation>overridden: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="89"/>
        <source>none recorded</source>
        <translation>none recorded</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="92"/>
        <source>completed</source>
        <translation>completed</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="93"/>
        <source>countersigned</source>
        <translation>countersigned</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="94"/>
        <source>corrected since</source>
        <translation>corrected since</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="109"/>
        <source>Needs (criminogenic needs assessment of %1)</source>
        <translation>Needs (criminogenic needs assessment of %1)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/assessment/summary.py" line="121"/>
        <source>%Ln completed assessment(s) of instruments your role may not read are not shown.</source>
        <translation>
            <numerusform>%Ln completed assessment of an instrument your role may not read is not shown.</numerusform>
            <numerusform>%Ln completed assessments of instruments your role may not read are not shown.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="80"/>
        <location filename="../../app/ui/assessment/summary.py" line="111"/>
        <source>Priorities: %1</source>
        <translation>Priorities: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="81"/>
        <location filename="../../app/ui/assessment/summary.py" line="112"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="114"/>
        <source>Needs: no completed criminogenic needs assessment.</source>
        <translation>Needs: no completed criminogenic needs assessment.</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="137"/>
        <source>%1 on %2</source>
        <translation>%1 on %2</translation>
    </message>
</context>
<context>
    <name>AssessmentsPage</name>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="57"/>
        <source>Find a person by name or number</source>
        <translation>Find a person by name or number</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="58"/>
        <source>Find a person</source>
        <translation>Find a person</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="60"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="61"/>
        <source>Born</source>
        <translation>Born</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="62"/>
        <source>People found</source>
        <translation>People found</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="73"/>
        <source>Find a person to see and record their assessments.</source>
        <translation>Find a person to see and record their assessments.</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="81"/>
        <location filename="../../app/ui/assessment/page.py" line="98"/>
        <location filename="../../app/ui/assessment/page.py" line="107"/>
        <location filename="../../app/ui/assessment/page.py" line="122"/>
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="82"/>
        <source>&amp;Start a new assessment</source>
        <translation>&amp;Start a new assessment</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="87"/>
        <source>&amp;Instrument:</source>
        <translation>&amp;Instrument:</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="99"/>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="100"/>
        <source>Last saved</source>
        <translation>Last saved</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="101"/>
        <location filename="../../app/ui/assessment/page.py" line="111"/>
        <location filename="../../app/ui/assessment/page.py" line="123"/>
        <source>Assessor</source>
        <translation>Assessor</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="103"/>
        <source>Drafts</source>
        <translation>Drafts</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="106"/>
        <location filename="../../app/ui/assessment/page.py" line="120"/>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="108"/>
        <source>Band</source>
        <translation>Band</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="109"/>
        <source>(restricted)</source>
        <translation>(restricted)</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="110"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="112"/>
        <source>Countersigned by</source>
        <translation>Countersigned by</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="115"/>
        <source>Completed assessments</source>
        <translation>Completed assessments</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="121"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="126"/>
        <location filename="../../app/ui/assessment/page.py" line="128"/>
        <source>Waiting for your countersignature</source>
        <translation>Waiting for your countersignature</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="149"/>
        <source>Drafts in progress (Enter continues one):</source>
        <translation>Drafts in progress (Enter continues one):</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="151"/>
        <source>Completed assessments (Enter opens one):</source>
        <translation>Completed assessments (Enter opens one):</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="167"/>
        <source>corrected</source>
        <translation>corrected</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="198"/>
        <source>Assessments of %1</source>
        <translation>Assessments of %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="206"/>
        <source>Your role may not complete any instrument.</source>
        <translation>Your role may not complete any instrument.</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="247"/>
        <source>You already have a draft of this assessment, started %1: it is open to continue.</source>
        <translation>You already have a draft of this assessment, started %1: it is open to continue.</translation>
    </message>
</context>
<context>
    <name>CaseNoteDialog</name>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="22"/>
        <source>Add a case note</source>
        <translation>Add a case note</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="37"/>
        <source>&amp;Sensitive (health, safeguarding)</source>
        <translation>&amp;Sensitive (health, safeguarding)</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="41"/>
        <source>&amp;Type:</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="42"/>
        <source>S&amp;ubtype:</source>
        <translation>S&amp;ubtype:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="43"/>
        <source>&amp;When it happened:</source>
        <translation>&amp;When it happened:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="44"/>
        <source>&amp;Note:</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="62"/>
        <source>Case note for %1</source>
        <translation>Case note for %1</translation>
    </message>
</context>
<context>
    <name>CaseNotesPage</name>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="126"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="126"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="126"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="127"/>
        <source>Author</source>
        <translation>Author</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="127"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="129"/>
        <source>Latest case notes</source>
        <translation>Latest case notes</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="131"/>
        <source>&amp;Add a case note…</source>
        <translation>&amp;Add a case note…</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="132"/>
        <source>Find the person first, then use Add case note on their record</source>
        <translation>Find the person first, then use Add case note on their record</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="134"/>
        <source>A&amp;mend the chosen note…</source>
        <translation>A&amp;mend the chosen note…</translation>
    </message>
</context>
<context>
    <name>CloseWarningDialog</name>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="174"/>
        <source>Close a warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="180"/>
        <source>&amp;Warning:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="181"/>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="182"/>
        <source>Close &amp;it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="198"/>
        <source>Alert: %1 (since %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="202"/>
        <source>Keep apart from %1 (%2, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="211"/>
        <source>This person has no open warnings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="216"/>
        <source>Warning: choose the warning to close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="89"/>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="89"/>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="89"/>
        <source>Kept for now</source>
        <translation>Kept for now</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="90"/>
        <source>Other change</source>
        <translation>Other change</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="90"/>
        <source>Facility</source>
        <translation>Facility</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="92"/>
        <source>Open conflicts</source>
        <translation>Open conflicts</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="94"/>
        <source>Value kept for now (server)</source>
        <translation>Value kept for now (server)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="97"/>
        <source>Other change (device)</source>
        <translation>Other change (device)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="107"/>
        <source>Keep the value kept for now</source>
        <translation>Keep the value kept for now</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="108"/>
        <source>Take the device&apos;s value</source>
        <translation>Take the device&apos;s value</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="109"/>
        <source>Set another value</source>
        <translation>Set another value</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="114"/>
        <source>&amp;Resolve</source>
        <translation>&amp;Resolve</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="116"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="120"/>
        <source>&amp;Decision:</source>
        <translation>&amp;Decision:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="121"/>
        <source>&amp;Value:</source>
        <translation>&amp;Value:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="121"/>
        <source>&amp;Note:</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="167"/>
        <source>by %1 on device %2, received %3</source>
        <translation>by %1 on device %2, received %3</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="170"/>
        <source>was: %1</source>
        <translation>was: %1</translation>
    </message>
</context>
<context>
    <name>DisciplinePage</name>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="209"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="209"/>
        <source>Charge</source>
        <translation>Charge</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="209"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="210"/>
        <source>Hearing due by</source>
        <translation>Hearing due by</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="212"/>
        <source>Adjudication reports</source>
        <translation>Adjudication reports</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="214"/>
        <source>&amp;Report an incident…</source>
        <translation>&amp;Report an incident…</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="225"/>
        <source>C&amp;hange status</source>
        <translation>C&amp;hange status</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="232"/>
        <source>&amp;Book hearing</source>
        <translation>&amp;Book hearing</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="239"/>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="241"/>
        <source>Record &amp;hearing</source>
        <translation>Record &amp;hearing</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="249"/>
        <source>Suspended for six months</source>
        <translation>Suspended for six months</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="251"/>
        <source>A&amp;ward punishment</source>
        <translation>A&amp;ward punishment</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="253"/>
        <source>Next step</source>
        <translation>Next step</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="255"/>
        <source>New status:</source>
        <translation>New status:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="256"/>
        <source>Reason:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="258"/>
        <source>Hearing at:</source>
        <translation>Hearing at:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="259"/>
        <source>Reason it is late:</source>
        <translation>Reason it is late:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="261"/>
        <source>Plea:</source>
        <translation>Plea:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="262"/>
        <source>Outcome:</source>
        <translation>Outcome:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="263"/>
        <source>Finding:</source>
        <translation>Finding:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="265"/>
        <source>Punishment:</source>
        <translation>Punishment:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="266"/>
        <source>Days:</source>
        <translation>Days:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="320"/>
        <source>Status: %1 · hearing due by %2</source>
        <translation>Status: %1 · hearing due by %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="325"/>
        <source>Hearing %1: %2</source>
        <translation>Hearing %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="326"/>
        <source>to be held</source>
        <translation>to be held</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="338"/>
        <source>Punishment: %1, %2 days (%3)</source>
        <translation>Punishment: %1, %2 days (%3)</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../app/ui/errors.py" line="86"/>
        <source>Something went wrong and nothing was saved. The details are in the log.</source>
        <translation>Something went wrong and nothing was saved. The details are in the log.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="97"/>
        <source>Not saved</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../../app/ui/errors.py" line="19"/>
        <source>First name</source>
        <translation>First name</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="20"/>
        <source>Last name</source>
        <translation>Last name</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="21"/>
        <source>Middle names</source>
        <translation>Middle names</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="22"/>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="23"/>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="24"/>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="25"/>
        <location filename="../../app/ui/errors.py" line="26"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="27"/>
        <source>Why this is a different person</source>
        <translation>Why this is a different person</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="28"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="29"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="30"/>
        <source>Subtype</source>
        <translation>Subtype</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="31"/>
        <source>When it happened</source>
        <translation>When it happened</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="32"/>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="33"/>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="34"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="35"/>
        <source>Override reason</source>
        <translation>Override reason</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="36"/>
        <location filename="../../app/ui/errors.py" line="45"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="37"/>
        <source>Alert</source>
        <translation>Alert</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="38"/>
        <source>Other person</source>
        <translation>Other person</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="39"/>
        <source>Activity</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="40"/>
        <source>Visitor</source>
        <translation>Visitor</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="41"/>
        <source>Correction reason</source>
        <translation>Correction reason</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="42"/>
        <source>Hearing at</source>
        <translation>Hearing at</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="43"/>
        <source>Reason it is late</source>
        <translation>Reason it is late</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="44"/>
        <source>Days</source>
        <translation>Days</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="46"/>
        <source>Starts at</source>
        <translation>Starts at</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="47"/>
        <source>Booking number</source>
        <translation>Booking number</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="48"/>
        <source>Legal status</source>
        <translation>Legal status</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="49"/>
        <source>Custody</source>
        <translation>Custody</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="50"/>
        <source>Destination facility</source>
        <translation>Destination facility</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="51"/>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="52"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="53"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="54"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="55"/>
        <source>Incident type</source>
        <translation>Incident type</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="56"/>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="57"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="58"/>
        <source>Absence reason</source>
        <translation>Absence reason</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="59"/>
        <source>Identifier</source>
        <translation>Identifier</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="60"/>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="61"/>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="62"/>
        <source>Identifier type</source>
        <translation>Identifier type</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="63"/>
        <source>Sync server</source>
        <translation>Sync server</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="64"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="65"/>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="66"/>
        <source>Lock after (minutes idle)</source>
        <translation>Lock after (minutes idle)</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="67"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
</context>
<context>
    <name>GrievanceDialog</name>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="32"/>
        <source>Log a grievance or request</source>
        <translation>Log a grievance or request</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="39"/>
        <source>(the category&apos;s usual staff)</source>
        <translation>(the category&apos;s usual staff)</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="49"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="49"/>
        <source>&amp;Category:</source>
        <translation>&amp;Category:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="50"/>
        <source>&amp;Routed to:</source>
        <translation>&amp;Routed to:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="51"/>
        <source>&amp;Subject:</source>
        <translation>&amp;Subject:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="52"/>
        <source>&amp;Details:</source>
        <translation>&amp;Details:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="68"/>
        <source>From %1</source>
        <translation>From %1</translation>
    </message>
</context>
<context>
    <name>GrievancesPage</name>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="135"/>
        <location filename="../../app/ui/workflows/grievance.py" line="163"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="135"/>
        <location filename="../../app/ui/workflows/grievance.py" line="163"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="135"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="136"/>
        <location filename="../../app/ui/workflows/grievance.py" line="163"/>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="136"/>
        <source>Due by</source>
        <translation>Due by</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="138"/>
        <source>Grievances awaiting an answer</source>
        <translation>Grievances awaiting an answer</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="145"/>
        <location filename="../../app/ui/workflows/grievance.py" line="164"/>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="148"/>
        <location filename="../../app/ui/workflows/grievance.py" line="156"/>
        <source>Response</source>
        <translation>Response</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="150"/>
        <source>&amp;Answer</source>
        <translation>&amp;Answer</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="158"/>
        <source>Outcome:</source>
        <translation>Outcome:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="159"/>
        <source>Response:</source>
        <translation>Response:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="166"/>
        <source>Answered grievances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="169"/>
        <source>Reason for the appeal or closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="170"/>
        <source>A&amp;ppeal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="173"/>
        <source>Cl&amp;ose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="176"/>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="184"/>
        <source>Answered — appeal or close:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="227"/>
        <source>Grievance: choose an answered grievance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="254"/>
        <source>%1 awaiting an answer, %2 overdue</source>
        <translation>%1 awaiting an answer, %2 overdue</translation>
    </message>
</context>
<context>
    <name>IncidentDialog</name>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="57"/>
        <source>Report an incident</source>
        <translation>Report an incident</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="71"/>
        <source>Parties</source>
        <translation>Parties</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="76"/>
        <source>Add a party: type a name or number, then Enter</source>
        <translation>Add a party: type a name or number, then Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="77"/>
        <source>Add a party</source>
        <translation>Add a party</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="80"/>
        <source>(no charge yet)</source>
        <translation>(no charge yet)</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="84"/>
        <source>&amp;Type:</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="85"/>
        <source>&amp;Happened at:</source>
        <translation>&amp;Happened at:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="86"/>
        <source>&amp;Discovered at:</source>
        <translation>&amp;Discovered at:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="87"/>
        <source>&amp;Where:</source>
        <translation>&amp;Where:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="88"/>
        <source>&amp;What happened:</source>
        <translation>&amp;What happened:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="89"/>
        <source>&amp;Role of the next party:</source>
        <translation>&amp;Role of the next party:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="90"/>
        <source>Add &amp;party:</source>
        <translation>Add &amp;party:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="91"/>
        <source>Parties:</source>
        <translation>Parties:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="92"/>
        <source>&amp;Charge the first party with:</source>
        <translation>&amp;Charge the first party with:</translation>
    </message>
</context>
<context>
    <name>IntakeWizard</name>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="69"/>
        <source>Reception and intake</source>
        <translation>Reception and intake</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="83"/>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="88"/>
        <source>Who is arriving?</source>
        <translation>Who is arriving?</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="91"/>
        <source>&amp;First name:</source>
        <translation>&amp;First name:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="92"/>
        <source>&amp;Middle names:</source>
        <translation>&amp;Middle names:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="93"/>
        <source>&amp;Last name:</source>
        <translation>&amp;Last name:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="94"/>
        <source>Date of &amp;birth:</source>
        <translation>Date of &amp;birth:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="95"/>
        <source>&amp;Sex:</source>
        <translation>&amp;Sex:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="96"/>
        <source>&amp;Identifier type:</source>
        <translation>&amp;Identifier type:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="97"/>
        <source>Identifier &amp;number:</source>
        <translation>Identifier &amp;number:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="98"/>
        <source>Alias first name:</source>
        <translation>Alias first name:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="99"/>
        <source>Alias last name:</source>
        <translation>Alias last name:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="110"/>
        <source>Is this person already known?</source>
        <translation>Is this person already known?</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="111"/>
        <source>The replica holds people who may be the same person. Check before creating a new record.</source>
        <translation>The replica holds people who may be the same person. Check before creating a new record.</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="115"/>
        <source>Possible duplicates</source>
        <translation>Possible duplicates</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="116"/>
        <source>It is one of them: &amp;open their record</source>
        <translation>It is one of them: &amp;open their record</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="118"/>
        <source>It is a &amp;different person, because:</source>
        <translation>It is a &amp;different person, because:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="122"/>
        <source>Why this is a different person</source>
        <translation>Why this is a different person</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="132"/>
        <source>Admission</source>
        <translation>Admission</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="133"/>
        <source>&amp;Admit into custody now</source>
        <translation>&amp;Admit into custody now</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="144"/>
        <source>Override reason</source>
        <translation>Override reason</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="147"/>
        <source>A .jpg or .png file (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="151"/>
        <source>&amp;Booking number:</source>
        <translation>&amp;Booking number:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="152"/>
        <source>Legal &amp;status:</source>
        <translation>Legal &amp;status:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="153"/>
        <source>&amp;Cell:</source>
        <translation>&amp;Cell:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="154"/>
        <source>&amp;Override reason:</source>
        <translation>&amp;Override reason:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="159"/>
        <source>P&amp;hoto:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="161"/>
        <source>Photo file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="179"/>
        <source>%1 (%2 free)</source>
        <translation>%1 (%2 free)</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="218"/>
        <source>Checking the replica for this person…</source>
        <translation>Checking the replica for this person…</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="268"/>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>ItemField</name>
    <message>
        <location filename="../../app/ui/assessment/form.py" line="44"/>
        <source> (optional)</source>
        <translation> (optional)</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/form.py" line="74"/>
        <source>Not answered</source>
        <translation>Not answered</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/form.py" line="76"/>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/form.py" line="77"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/form.py" line="88"/>
        <source>At least %1 characters</source>
        <translation>At least %1 characters</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/form.py" line="94"/>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/form.py" line="99"/>
        <source>A whole number (%1)</source>
        <translation>A whole number (%1)</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../app/ui/lock.py" line="70"/>
        <source>Custos is locked</source>
        <translation>Custos is locked</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock.py" line="74"/>
        <source>Signed in as %1. Enter your password to continue.</source>
        <translation>Signed in as %1. Enter your password to continue.</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock.py" line="79"/>
        <location filename="../../app/ui/lock.py" line="80"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock.py" line="82"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock.py" line="102"/>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../app/ui/login.py" line="50"/>
        <source>Sign in to Custos</source>
        <translation>Sign in to Custos</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="56"/>
        <source>Sync server</source>
        <translation>Sync server</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="57"/>
        <source>https://custos.example (leave empty to work offline)</source>
        <translation>https://custos.example (leave empty to work offline)</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="60"/>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="63"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="69"/>
        <source>&amp;User name:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="70"/>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="71"/>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="77"/>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="89"/>
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="90"/>
        <source>Custos — %1 (%2)</source>
        <translation>Custos — %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="94"/>
        <source>Modules</source>
        <translation>Modules</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="128"/>
        <source>&amp;Custos</source>
        <translation>&amp;Custos</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="129"/>
        <source>&amp;Sync now</source>
        <translation>&amp;Sync now</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="131"/>
        <source>&amp;Lock</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="134"/>
        <source>&amp;Rejected changes…</source>
        <translation>&amp;Rejected changes…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="137"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="138"/>
        <source>&amp;Person</source>
        <translation>&amp;Person</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="139"/>
        <source>&amp;Find a person…</source>
        <translation>&amp;Find a person…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="141"/>
        <source>New &amp;intake…</source>
        <translation>New &amp;intake…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="143"/>
        <source>&amp;Go</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="149"/>
        <source>&amp;Demo</source>
        <translation>&amp;Demo</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="150"/>
        <source>Officer</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="150"/>
        <source>Psychologist</source>
        <translation>Psychologist</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="151"/>
        <source>Case manager</source>
        <translation>Case manager</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="152"/>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="153"/>
        <source>Central office</source>
        <translation>Central office</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="153"/>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="155"/>
        <source>View as %1</source>
        <translation>View as %1</translation>
    </message>
</context>
<context>
    <name>Modules</name>
    <message>
        <location filename="../../app/ui/modules.py" line="39"/>
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../app/ui/modules.py" line="40"/>
        <source>Unit roll and locations</source>
        <translation>Unit roll and locations</translation>
    </message>
    <message>
        <location filename="../../app/ui/modules.py" line="41"/>
        <source>Activities</source>
        <translation>Activities</translation>
    </message>
    <message>
        <location filename="../../app/ui/modules.py" line="42"/>
        <source>Discipline</source>
        <translation>Discipline</translation>
    </message>
    <message>
        <location filename="../../app/ui/modules.py" line="43"/>
        <source>Case notes</source>
        <translation>Case notes</translation>
    </message>
    <message>
        <location filename="../../app/ui/modules.py" line="45"/>
        <source>Grievances and requests</source>
        <translation>Grievances and requests</translation>
    </message>
    <message>
        <location filename="../../app/ui/modules.py" line="47"/>
        <source>Visits</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../app/ui/modules.py" line="48"/>
        <source>Assessments</source>
        <translation>Assessments</translation>
    </message>
    <message>
        <location filename="../../app/ui/modules.py" line="49"/>
        <source>Conflicts</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../app/ui/modules.py" line="51"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="34"/>
        <source>Move a person</source>
        <translation>Move a person</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="39"/>
        <source>Reading where this person is…</source>
        <translation>Reading where this person is…</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="44"/>
        <source>To another &amp;cell</source>
        <translation>To another &amp;cell</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="45"/>
        <source>Out to c&amp;ourt</source>
        <translation>Out to c&amp;ourt</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="46"/>
        <source>Out on temporary &amp;absence</source>
        <translation>Out on temporary &amp;absence</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="47"/>
        <source>&amp;Return to the facility</source>
        <translation>&amp;Return to the facility</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="48"/>
        <source>&amp;Transfer to another facility</source>
        <translation>&amp;Transfer to another facility</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="58"/>
        <source>Destination cell</source>
        <translation>Destination cell</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="62"/>
        <source>Destination facility</source>
        <translation>Destination facility</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="71"/>
        <source>Override reason</source>
        <translation>Override reason</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="72"/>
        <source>Required when there are warnings</source>
        <translation>Required when there are warnings</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="77"/>
        <source>&amp;Destination cell:</source>
        <translation>&amp;Destination cell:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="78"/>
        <source>Destination &amp;facility:</source>
        <translation>Destination &amp;facility:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="79"/>
        <source>O&amp;verride reason:</source>
        <translation>O&amp;verride reason:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="80"/>
        <source>Co&amp;mment:</source>
        <translation>Co&amp;mment:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="105"/>
        <source>This person is not in custody here, so cannot be moved.</source>
        <translation>This person is not in custody here, so cannot be moved.</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="109"/>
        <source>Now out of the facility (cell %1 kept).</source>
        <translation>Now out of the facility (cell %1 kept).</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="110"/>
        <source>Now in cell %1.</source>
        <translation>Now in cell %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="121"/>
        <source>%1 (%2 of %3 places taken)</source>
        <translation>%1 (%2 of %3 places taken)</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="154"/>
        <source>Warnings (an override reason is required):</source>
        <translation>Warnings (an override reason is required):</translation>
    </message>
</context>
<context>
    <name>NonAssociationDialog</name>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="99"/>
        <source>Keep apart from someone</source>
        <translation>Keep apart from someone</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="104"/>
        <source>Type a name or number, then Enter</source>
        <translation>Type a name or number, then Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="118"/>
        <source>&amp;Find the other person:</source>
        <translation>&amp;Find the other person:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="119"/>
        <source>&amp;Other person:</source>
        <translation>&amp;Other person:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="120"/>
        <source>&amp;Role of this person:</source>
        <translation>&amp;Role of this person:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="121"/>
        <source>Role of the o&amp;ther person:</source>
        <translation>Role of the o&amp;ther person:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="122"/>
        <source>R&amp;eason:</source>
        <translation>R&amp;eason:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="123"/>
        <source>&amp;Keep apart on the same:</source>
        <translation>&amp;Keep apart on the same:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="124"/>
        <source>&amp;Comment:</source>
        <translation>&amp;Comment:</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <location filename="../../app/ui/people_model.py" line="184"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_model.py" line="184"/>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_model.py" line="184"/>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_model.py" line="185"/>
        <source>Matched</source>
        <translation>Matched</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_model.py" line="213"/>
        <source>%1 (out)</source>
        <translation>%1 (out)</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <location filename="../../app/ui/people_page.py" line="52"/>
        <source>Search by name, alias or number</source>
        <translation>Search by name, alias or number</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_page.py" line="53"/>
        <source>Search people</source>
        <translation>Search people</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_page.py" line="57"/>
        <source>Search results</source>
        <translation>Search results</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_page.py" line="62"/>
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_page.py" line="168"/>
        <source>The first sync is still loading this facility: the people it brings can be found once it ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/people_page.py" line="171"/>
        <source>No one matches. Check the spelling or try a number.</source>
        <translation>No one matches. Check the spelling or try a number.</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_page.py" line="173"/>
        <source>More people match: keep typing to narrow the list.</source>
        <translation>More people match: keep typing to narrow the list.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/people_page.py" line="175"/>
        <source>%Ln person(s)</source>
        <translation>
            <numerusform>%Ln person</numerusform>
            <numerusform>%Ln people</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhotoDialog</name>
    <message>
        <location filename="../../app/ui/workflows/photo.py" line="55"/>
        <source>Add a photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/photo.py" line="60"/>
        <source>Photo file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/photo.py" line="61"/>
        <source>A .jpg or .png file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/photo.py" line="63"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/photo.py" line="66"/>
        <location filename="../../app/ui/workflows/photo.py" line="105"/>
        <source>No photo chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/photo.py" line="68"/>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/photo.py" line="76"/>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/photo.py" line="93"/>
        <source>Photo of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/photo.py" line="96"/>
        <source>Choose the photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/photo.py" line="97"/>
        <source>Photos (*.jpg *.jpeg *.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/photo.py" line="106"/>
        <source>Not a picture this program can show</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileView</name>
    <message>
        <location filename="../../app/ui/profile_view.py" line="63"/>
        <source>Photograph</source>
        <translation>Photograph</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="64"/>
        <source>Choose a person to see their record.</source>
        <translation>Choose a person to see their record.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="78"/>
        <source>Warnings</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="86"/>
        <source>Add case &amp;note</source>
        <translation>Add case &amp;note</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="86"/>
        <source>&amp;Move</source>
        <translation>&amp;Move</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="87"/>
        <source>Report &amp;incident</source>
        <translation>Report &amp;incident</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="87"/>
        <source>Log g&amp;rievance</source>
        <translation>Log g&amp;rievance</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="88"/>
        <source>Book &amp;visit</source>
        <translation>Book &amp;visit</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="88"/>
        <source>A&amp;llocate</source>
        <translation>A&amp;llocate</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="89"/>
        <source>Add &amp;alert</source>
        <translation>Add &amp;alert</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="90"/>
        <source>&amp;Keep apart…</source>
        <translation>&amp;Keep apart…</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="104"/>
        <source>Record sections</source>
        <translation>Record sections</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="126"/>
        <source>P&amp;hoto…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="128"/>
        <source>Add a photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="147"/>
        <source>Cl&amp;ose a warning…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="162"/>
        <source>Identity</source>
        <translation>Identity</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="163"/>
        <source>Custody and sentence</source>
        <translation>Custody and sentence</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="164"/>
        <source>Location and movements</source>
        <translation>Location and movements</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="165"/>
        <source>Assessments</source>
        <translation>Assessments</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="166"/>
        <source>Discipline</source>
        <translation>Discipline</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="167"/>
        <source>Activities and attendance</source>
        <translation>Activities and attendance</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="168"/>
        <source>Case notes</source>
        <translation>Case notes</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="169"/>
        <source>Grievances and requests</source>
        <translation>Grievances and requests</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="170"/>
        <source>Visits</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="171"/>
        <source>Sentence plan</source>
        <translation>Sentence plan</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="172"/>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="206"/>
        <source>Born %1 · %2</source>
        <translation>Born %1 · %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="215"/>
        <source>No photo</source>
        <translation>No photo</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="231"/>
        <source>Your role does not give access to this section.</source>
        <translation>Your role does not give access to this section.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="251"/>
        <source>ALERT %1: %2</source>
        <translation>ALERT %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="255"/>
        <source>NON-ASSOCIATION: keep apart from %1 (%2, %3)</source>
        <translation>NON-ASSOCIATION: keep apart from %1 (%2, %3)</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="269"/>
        <source>Nothing recorded.</source>
        <translation>Nothing recorded.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="274"/>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="274"/>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="275"/>
        <source>First name</source>
        <translation>First name</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="276"/>
        <source>Middle names</source>
        <translation>Middle names</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="277"/>
        <source>Last name</source>
        <translation>Last name</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="278"/>
        <location filename="../../app/ui/profile_view.py" line="290"/>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="279"/>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="280"/>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="281"/>
        <source>Facility</source>
        <translation>Facility</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="284"/>
        <source>Identifiers</source>
        <translation>Identifiers</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="285"/>
        <location filename="../../app/ui/profile_view.py" line="307"/>
        <location filename="../../app/ui/profile_view.py" line="413"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="285"/>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="289"/>
        <source>Also known as</source>
        <translation>Also known as</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="290"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="299"/>
        <source>Custody episodes</source>
        <translation>Custody episodes</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="300"/>
        <source>Booking</source>
        <translation>Booking</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="300"/>
        <source>Legal status</source>
        <translation>Legal status</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="300"/>
        <location filename="../../app/ui/profile_view.py" line="338"/>
        <location filename="../../app/ui/profile_view.py" line="348"/>
        <location filename="../../app/ui/profile_view.py" line="360"/>
        <location filename="../../app/ui/profile_view.py" line="413"/>
        <location filename="../../app/ui/profile_view.py" line="427"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="301"/>
        <source>Admitted</source>
        <translation>Admitted</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="301"/>
        <source>Released</source>
        <translation>Released</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="306"/>
        <source>Sentences</source>
        <translation>Sentences</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="307"/>
        <source>Length (days)</source>
        <translation>Length (days)</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="307"/>
        <source>Starts</source>
        <translation>Starts</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="307"/>
        <source>Court</source>
        <translation>Court</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="311"/>
        <source>Offences</source>
        <translation>Offences</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="312"/>
        <source>Offence</source>
        <translation>Offence</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="312"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="312"/>
        <source>Committed</source>
        <translation>Committed</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="321"/>
        <source>out: %1</source>
        <translation>out: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="323"/>
        <source>Now</source>
        <translation>Now</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="323"/>
        <source>Not in custody</source>
        <translation>Not in custody</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="326"/>
        <location filename="../../app/ui/profile_view.py" line="347"/>
        <location filename="../../app/ui/profile_view.py" line="412"/>
        <location filename="../../app/ui/profile_view.py" line="435"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="326"/>
        <source>Movement</source>
        <translation>Movement</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="326"/>
        <location filename="../../app/ui/profile_view.py" line="365"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="327"/>
        <location filename="../../app/ui/profile_view.py" line="360"/>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="327"/>
        <location filename="../../app/ui/profile_view.py" line="360"/>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="327"/>
        <source>Override reason</source>
        <translation>Override reason</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="338"/>
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="338"/>
        <source>Assessor</source>
        <translation>Assessor</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="339"/>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="347"/>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="347"/>
        <source>Charge</source>
        <translation>Charge</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="348"/>
        <source>Hearing due</source>
        <translation>Hearing due</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="360"/>
        <location filename="../../app/ui/profile_view.py" line="365"/>
        <source>Activity</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="364"/>
        <source>Recent attendance</source>
        <translation>Recent attendance</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="365"/>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="365"/>
        <source>Attendance</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="379"/>
        <source>sensitive</source>
        <translation>sensitive</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="381"/>
        <source>amendment</source>
        <translation>amendment</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="398"/>
        <source>due %1</source>
        <translation>due %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="412"/>
        <source>Visitor</source>
        <translation>Visitor</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="412"/>
        <source>Relationship</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="424"/>
        <source>Started %1, next review %2</source>
        <translation>Started %1, next review %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="427"/>
        <source>Need</source>
        <translation>Need</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="427"/>
        <source>Goal</source>
        <translation>Goal</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="427"/>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="435"/>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="435"/>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="435"/>
        <source>Record</source>
        <translation>Record</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="101"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="101"/>
        <source>Attendance</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="101"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="131"/>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="135"/>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="139"/>
        <source>Absence reason for X</source>
        <translation>Absence reason for X</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="142"/>
        <source>Correction reason</source>
        <translation>Correction reason</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="143"/>
        <source>Choose a session.</source>
        <translation>Choose a session.</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="145"/>
        <source>A attended · X absent · E excused · Ctrl+Shift+A everyone else attended · Ctrl+Enter save</source>
        <translation>A attended · X absent · E excused · Ctrl+Shift+A everyone else attended · Ctrl+Enter save</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="148"/>
        <source>Everyone else &amp;attended</source>
        <translation>Everyone else &amp;attended</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="150"/>
        <source>&amp;Save register</source>
        <translation>&amp;Save register</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="157"/>
        <source>Absence reason (X):</source>
        <translation>Absence reason (X):</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="158"/>
        <source>Correction reason:</source>
        <translation>Correction reason:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="190"/>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="240"/>
        <source>Nothing to save: no marks were changed.</source>
        <translation>Nothing to save: no marks were changed.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/workflows/register.py" line="252"/>
        <source>Saved %n mark(s).</source>
        <translation>
            <numerusform>Saved %n mark.</numerusform>
            <numerusform>Saved %n marks.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RejectedDialog</name>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="213"/>
        <location filename="../../app/ui/sync_inbox.py" line="219"/>
        <source>Rejected changes</source>
        <translation>Rejected changes</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="216"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="216"/>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="216"/>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="217"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="224"/>
        <source>Corrected value</source>
        <translation>Corrected value</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="227"/>
        <source>Reason to discard</source>
        <translation>Reason to discard</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="228"/>
        <source>Send &amp;again</source>
        <translation>Send &amp;again</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="230"/>
        <source>&amp;Discard</source>
        <translation>&amp;Discard</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="235"/>
        <source>Reason to discard:</source>
        <translation>Reason to discard:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="274"/>
        <source>Corrected %1:</source>
        <translation>Corrected %1:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="275"/>
        <source>Corrected value:</source>
        <translation>Corrected value:</translation>
    </message>
</context>
<context>
    <name>RollPage</name>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="112"/>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="112"/>
        <source>In</source>
        <translation>In</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="112"/>
        <source>Out</source>
        <translation>Out</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="112"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="113"/>
        <location filename="../../app/ui/workflows/roll.py" line="167"/>
        <source>Operational capacity</source>
        <translation>Operational capacity</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="113"/>
        <source>Free</source>
        <translation>Free</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="114"/>
        <source>Cell</source>
        <translation>Cell</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="114"/>
        <location filename="../../app/ui/workflows/roll.py" line="116"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="114"/>
        <location filename="../../app/ui/workflows/roll.py" line="116"/>
        <source>Booking</source>
        <translation>Booking</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="115"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="116"/>
        <source>Out for</source>
        <translation>Out for</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="117"/>
        <source>Cell kept</source>
        <translation>Cell kept</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="119"/>
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="121"/>
        <source>People in the unit</source>
        <translation>People in the unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="123"/>
        <source>Out of the facility</source>
        <translation>Out of the facility</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="126"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="138"/>
        <source>In the unit:</source>
        <translation>In the unit:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="140"/>
        <source>Out of the facility:</source>
        <translation>Out of the facility:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="146"/>
        <location filename="../../app/ui/workflows/roll.py" line="151"/>
        <source>Locations</source>
        <translation>Locations</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="150"/>
        <source>Roll</source>
        <translation>Roll</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="166"/>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="166"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="166"/>
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="167"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="176"/>
        <source>in use</source>
        <translation>in use</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="177"/>
        <source>out of use: %1</source>
        <translation>out of use: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="205"/>
        <source>Roll: %1 in, %2 out, %3 in total</source>
        <translation>Roll: %1 in, %2 out, %3 in total</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="221"/>
        <source>out</source>
        <translation>out</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="221"/>
        <source>in</source>
        <translation>in</translation>
    </message>
</context>
<context>
    <name>ScorePanel</name>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="29"/>
        <source>Age at the current conviction (derived)</source>
        <translation>Age at the current conviction (derived)</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="30"/>
        <source>Age at the first sanction (derived)</source>
        <translation>Age at the first sanction (derived)</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="31"/>
        <source>Age at assessment (derived)</source>
        <translation>Age at assessment (derived)</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="32"/>
        <source>Previous sanctions counted (capped at 50, derived)</source>
        <translation>Previous sanctions counted (capped at 50, derived)</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="35"/>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="36"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="73"/>
        <source>Band</source>
        <translation>Band</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="93"/>
        <source>Main contributing factor</source>
        <translation>Main contributing factor</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="94"/>
        <source>Effect</source>
        <translation>Effect</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="97"/>
        <source>Main contributing factors</source>
        <translation>Main contributing factors</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="99"/>
        <source>Input used</source>
        <translation>Input used</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="100"/>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="102"/>
        <source>Inputs used</source>
        <translation>Inputs used</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="104"/>
        <source>Need area</source>
        <translation>Need area</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="105"/>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="106"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="108"/>
        <source>Needs profile</source>
        <translation>Needs profile</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="116"/>
        <source>Limits of this result</source>
        <translation>Limits of this result</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="123"/>
        <source>Main contributing factors:</source>
        <translation>Main contributing factors:</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="127"/>
        <source>Inputs used:</source>
        <translation>Inputs used:</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="134"/>
        <source>Your decision</source>
        <translation>Your decision</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="136"/>
        <source>I &amp;agree with this band</source>
        <translation>I &amp;agree with this band</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="138"/>
        <source>I &amp;override it: the score does not fit this case (disregard the score)</source>
        <translation>I &amp;override it: the score does not fit this case (disregard the score)</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="146"/>
        <location filename="../../app/ui/assessment/score_panel.py" line="196"/>
        <source>Your own band</source>
        <translation>Your own band</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="147"/>
        <source>Choose your own band</source>
        <translation>Choose your own band</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="152"/>
        <location filename="../../app/ui/assessment/score_panel.py" line="195"/>
        <source>Reason for your decision</source>
        <translation>Reason for your decision</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="153"/>
        <source>Why you agree or, for an override, why the score does not fit (required for an override)</source>
        <translation>Why you agree or, for an override, why the score does not fit (required for an override)</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="157"/>
        <source>&amp;Record my decision</source>
        <translation>&amp;Record my decision</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="168"/>
        <source>Your own &amp;band:</source>
        <translation>Your own &amp;band:</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="172"/>
        <source>R&amp;eason:</source>
        <translation>R&amp;eason:</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="197"/>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="212"/>
        <source>No decision recorded yet. The score has no effect until you record yours.</source>
        <translation>No decision recorded yet. The score has no effect until you record yours.</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="217"/>
        <source>Recorded: %1 agreed with the band on %2.</source>
        <translation>Recorded: %1 agreed with the band on %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="220"/>
        <source>Recorded: %1 overrode the score on %2, with their own band %3. Reason: %4</source>
        <translation>Recorded: %1 overrode the score on %2, with their own band %3. Reason: %4</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="241"/>
        <source>Band: %1</source>
        <translation>Band: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="248"/>
        <source>Estimated proven reoffending: %1% within one year, %2% within two years.</source>
        <translation>Estimated proven reoffending: %1% within one year, %2% within two years.</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="252"/>
        <source>Model %1 version %2 (SHA-256 %3…)</source>
        <translation>Model %1 version %2 (SHA-256 %3…)</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="258"/>
        <source>This score supports and never replaces your judgement. Record your own decision below; you may disregard the score where it does not fit the case.</source>
        <translation>This score supports and never replaces your judgement. Record your own decision below; you may disregard the score where it does not fit the case.</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="262"/>
        <source>This score supports and never replaces your judgement. You may disregard it where it does not fit the case.</source>
        <translation>This score supports and never replaces your judgement. You may disregard it where it does not fit the case.</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="266"/>
        <source>This is a structured professional judgement: your rating and its written rationale are the result. No statistical score is computed.</source>
        <translation>This is a structured professional judgement: your rating and its written rationale are the result. No statistical score is computed.</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="290"/>
        <source>Priorities for the sentence plan: %1</source>
        <translation>Priorities for the sentence plan: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="292"/>
        <source>none at or above the priority level</source>
        <translation>none at or above the priority level</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="299"/>
        <source>What this result cannot tell you</source>
        <translation>What this result cannot tell you</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="313"/>
        <source>rationale: %1</source>
        <translation>rationale: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="314"/>
        <source>present</source>
        <translation>present</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="317"/>
        <source>raises the estimate (%1)</source>
        <translation>raises the estimate (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="319"/>
        <source>lowers the estimate (%1)</source>
        <translation>lowers the estimate (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="320"/>
        <source>adds %1</source>
        <translation>adds %1</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../app/ui/settings.py" line="57"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings.py" line="60"/>
        <source>Lock after (minutes idle)</source>
        <translation>Lock after (minutes idle)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings.py" line="62"/>
        <source>Sync every (minutes)</source>
        <translation>Sync every (minutes)</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../app/ui/settings_page.py" line="28"/>
        <location filename="../../app/ui/settings_page.py" line="32"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="41"/>
        <source>&amp;Save settings</source>
        <translation>&amp;Save settings</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="46"/>
        <source>The screen locks after at most 30 minutes without use.</source>
        <translation>The screen locks after at most 30 minutes without use.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="78"/>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <location filename="../../app/ui/sync_indicator.py" line="227"/>
        <source>Open the rejected changes (Ctrl+Shift+R)</source>
        <translation>Open the rejected changes (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_indicator.py" line="230"/>
        <source>First sync progress</source>
        <translation>First sync progress</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_indicator.py" line="234"/>
        <location filename="../../app/ui/sync_indicator.py" line="235"/>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_indicator.py" line="236"/>
        <source>Sync now (F5)</source>
        <translation>Sync now (F5)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_indicator.py" line="254"/>
        <source>● Online</source>
        <translation>● Online</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_indicator.py" line="256"/>
        <source>○ Offline (no sync server yet)</source>
        <translation>○ Offline (no sync server yet)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_indicator.py" line="258"/>
        <source>○ Offline</source>
        <translation>○ Offline</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_indicator.py" line="260"/>
        <source>Last sync: …</source>
        <translation>Last sync: …</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_indicator.py" line="262"/>
        <source>Last sync: %1</source>
        <translation>Last sync: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_indicator.py" line="263"/>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/sync_indicator.py" line="264"/>
        <source>%Ln change(s) to send</source>
        <translation>
            <numerusform>%Ln change to send</numerusform>
            <numerusform>%Ln changes to send</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/sync_indicator.py" line="265"/>
        <source>%Ln conflict(s)</source>
        <translation>
            <numerusform>%Ln conflict</numerusform>
            <numerusform>%Ln conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/sync_indicator.py" line="266"/>
        <source>%Ln rejected</source>
        <translation>
            <numerusform>%Ln rejected</numerusform>
            <numerusform>%Ln rejected</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_indicator.py" line="272"/>
        <source>Sync status</source>
        <translation>Sync status</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_indicator.py" line="280"/>
        <source>Last sync stopped: %1</source>
        <translation>Last sync stopped: %1</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="37"/>
        <source>Book a visit</source>
        <translation>Book a visit</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="42"/>
        <source>A&amp;pprove this visitor</source>
        <translation>A&amp;pprove this visitor</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="51"/>
        <source>Add to the &amp;visitor list</source>
        <translation>Add to the &amp;visitor list</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="60"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="67"/>
        <source>V&amp;isitor:</source>
        <translation>V&amp;isitor:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="68"/>
        <source>New visitor&apos;s &amp;first name:</source>
        <translation>New visitor&apos;s &amp;first name:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="69"/>
        <source>New visitor&apos;s &amp;last name:</source>
        <translation>New visitor&apos;s &amp;last name:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="70"/>
        <source>&amp;Relationship:</source>
        <translation>&amp;Relationship:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="71"/>
        <source>&amp;Starts at:</source>
        <translation>&amp;Starts at:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="72"/>
        <source>&amp;Length:</source>
        <translation>&amp;Length:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="73"/>
        <source>&amp;Type:</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="74"/>
        <source>&amp;Override reason:</source>
        <translation>&amp;Override reason:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="86"/>
        <source>&amp;Ban this visitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="89"/>
        <source>Lift the ba&amp;n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="92"/>
        <source>Ban the chosen visitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="94"/>
        <source>R&amp;eason:</source>
        <translation type="unfinished">R&amp;eason:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="95"/>
        <source>Banned &amp;until:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="96"/>
        <source>Ban</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="123"/>
        <source>approved</source>
        <translation>approved</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="123"/>
        <source>waiting for approval</source>
        <translation>waiting for approval</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="124"/>
        <source>banned until %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="209"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="209"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="209"/>
        <source>Visitor</source>
        <translation>Visitor</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="210"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="210"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="212"/>
        <source>Visits from today</source>
        <translation>Visits from today</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="214"/>
        <source>&amp;Took place</source>
        <translation>&amp;Took place</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="217"/>
        <source>Visitor did &amp;not come</source>
        <translation>Visitor did &amp;not come</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="226"/>
        <source>Visits from today (book one from the person&apos;s record):</source>
        <translation>Visits from today (book one from the person&apos;s record):</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="241"/>
        <source>booked</source>
        <translation>booked</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="241"/>
        <source>took place</source>
        <translation>took place</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="242"/>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="242"/>
        <source>did not come</source>
        <translation>did not come</translation>
    </message>
</context>
<context>
    <name>_NotYet</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="333"/>
        <source>This module&apos;s own screens are not in this version yet. Its records show on each person&apos;s profile (People, Ctrl+1).</source>
        <translation>This module&apos;s own screens are not in this version yet. Its records show on each person&apos;s profile (People, Ctrl+1).</translation>
    </message>
</context>
</TS>
