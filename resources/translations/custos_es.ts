<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AlertDialog</name>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="60"/>
        <source>Add an alert</source>
        <translation>Añadir una alerta</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="81"/>
        <source>&amp;Type:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="82"/>
        <source>&amp;Alert:</source>
        <translation>&amp;Alerta:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="83"/>
        <source>A&amp;uthorised by:</source>
        <translation>A&amp;utorizado por:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="84"/>
        <source>Active &amp;from:</source>
        <translation>Activa &amp;desde:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="85"/>
        <source>&amp;Comment:</source>
        <translation>&amp;Comentario:</translation>
    </message>
</context>
<context>
    <name>AllocateDialog</name>
    <message>
        <location filename="../../app/ui/workflows/allocate.py" line="34"/>
        <source>Allocate to an activity</source>
        <translation>Asignar una actividad</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/allocate.py" line="40"/>
        <source>Put on the &amp;waiting list instead</source>
        <translation>Poner en la &amp;lista de espera</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/allocate.py" line="44"/>
        <source>&amp;Activity:</source>
        <translation>&amp;Actividad:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/allocate.py" line="45"/>
        <source>&amp;From:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/allocate.py" line="46"/>
        <source>&amp;Override reason:</source>
        <translation>&amp;Motivo de la excepción:</translation>
    </message>
</context>
<context>
    <name>AmendDialog</name>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="191"/>
        <source>Amend a case note</source>
        <translation>Rectificar una nota de caso</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="193"/>
        <source>Original: %1</source>
        <translation>Original: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="198"/>
        <source>Corrected note</source>
        <translation>Nota corregida</translation>
    </message>
</context>
<context>
    <name>AssessmentDialog</name>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="68"/>
        <location filename="../../app/ui/assessment/editor.py" line="82"/>
        <source>Assessment</source>
        <translation>Evaluación</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="71"/>
        <source>Opening…</source>
        <translation>Abriendo…</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="76"/>
        <source>Save status</source>
        <translation>Estado del guardado</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="92"/>
        <source>A&amp;nswers</source>
        <translation>Res&amp;puestas</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="93"/>
        <source>Resul&amp;t</source>
        <translation>Resul&amp;tado</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="96"/>
        <source>&amp;Complete assessment</source>
        <translation>&amp;Completar evaluación</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="99"/>
        <source>Counter&amp;sign</source>
        <translation>&amp;Visar</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="102"/>
        <source>C&amp;lose</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="134"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="141"/>
        <source>Your role may not read the answers of this assessment.</source>
        <translation>Su función no puede leer las respuestas de esta evaluación.</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="152"/>
        <source>Draft last saved %1</source>
        <translation>Borrador guardado por última vez el %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="158"/>
        <source>%1 (version %2) for %3</source>
        <translation>%1 (versión %2) de %3</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="160"/>
        <source>Status: %1</source>
        <translation>Estado: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="161"/>
        <source>Assessor: %1</source>
        <translation>Evaluador: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="163"/>
        <source>Countersigned by %1 on %2</source>
        <translation>Visada por %1 el %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="184"/>
        <source>Changes not saved yet…</source>
        <translation>Cambios aún sin guardar…</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="195"/>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="213"/>
        <source>Draft saved %1, except: %2</source>
        <translation>Borrador guardado el %1, excepto: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="216"/>
        <source>Draft saved %1</source>
        <translation>Borrador guardado el %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="225"/>
        <source>Not saved: %1</source>
        <translation>No guardado: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="265"/>
        <source>Completed %1</source>
        <translation>Completada el %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="312"/>
        <source>Countersigned.</source>
        <translation>Visada.</translation>
    </message>
</context>
<context>
    <name>AssessmentStatus</name>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="34"/>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="35"/>
        <source>Completed</source>
        <translation>Completada</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="36"/>
        <source>Countersigned</source>
        <translation>Visada</translation>
    </message>
</context>
<context>
    <name>AssessmentSummary</name>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="36"/>
        <source>Needs</source>
        <translation>Necesidades</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="40"/>
        <source>Need area</source>
        <translation>Área de necesidad</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="41"/>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="42"/>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="43"/>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="43"/>
        <source>priority</source>
        <translation>prioridad</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="45"/>
        <source>Needs profile</source>
        <translation>Perfil de necesidades</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="49"/>
        <source>Risk and screening over time</source>
        <translation>Riesgo y cribado a lo largo del tiempo</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="58"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="59"/>
        <source>Instrument</source>
        <translation>Instrumento</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="60"/>
        <source>Band</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="61"/>
        <source>Professional&apos;s decision</source>
        <translation>Decisión del profesional</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="62"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="65"/>
        <source>Assessment history</source>
        <translation>Historial de evaluaciones</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="86"/>
        <source>agreed</source>
        <translation>de acuerdo</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="88"/>
        <source>overridden: %1</source>
        <translation>no seguida: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="89"/>
        <source>none recorded</source>
        <translation>ninguna registrada</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="92"/>
        <source>completed</source>
        <translation>completada</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="93"/>
        <source>countersigned</source>
        <translation>visada</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="94"/>
        <source>corrected since</source>
        <translation>corregida desde entonces</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="109"/>
        <source>Needs (criminogenic needs assessment of %1)</source>
        <translation>Necesidades (evaluación de necesidades criminógenas de %1)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/assessment/summary.py" line="121"/>
        <source>%Ln completed assessment(s) of instruments your role may not read are not shown.</source>
        <translation>
            <numerusform>No se muestra %Ln evaluación completada de un instrumento que su función no puede leer.</numerusform>
            <numerusform>No se muestran %Ln evaluaciones completadas de instrumentos que su función no puede leer.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="80"/>
        <location filename="../../app/ui/assessment/summary.py" line="111"/>
        <source>Priorities: %1</source>
        <translation>Prioridades: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="81"/>
        <location filename="../../app/ui/assessment/summary.py" line="112"/>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="114"/>
        <source>Needs: no completed criminogenic needs assessment.</source>
        <translation>Necesidades: ninguna evaluación de necesidades criminógenas completada.</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="137"/>
        <source>%1 on %2</source>
        <translation>%1 el %2</translation>
    </message>
</context>
<context>
    <name>AssessmentsPage</name>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="57"/>
        <source>Find a person by name or number</source>
        <translation>Buscar una persona por nombre o número</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="58"/>
        <source>Find a person</source>
        <translation>Buscar una persona</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="60"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="61"/>
        <source>Born</source>
        <translation>Nacimiento</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="62"/>
        <source>People found</source>
        <translation>Personas encontradas</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="73"/>
        <source>Find a person to see and record their assessments.</source>
        <translation>Busque una persona para ver y registrar sus evaluaciones.</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="81"/>
        <location filename="../../app/ui/assessment/page.py" line="98"/>
        <location filename="../../app/ui/assessment/page.py" line="107"/>
        <location filename="../../app/ui/assessment/page.py" line="122"/>
        <source>Instrument</source>
        <translation>Instrumento</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="82"/>
        <source>&amp;Start a new assessment</source>
        <translation>&amp;Iniciar una nueva evaluación</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="87"/>
        <source>&amp;Instrument:</source>
        <translation>&amp;Instrumento:</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="99"/>
        <source>Started</source>
        <translation>Iniciada</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="100"/>
        <source>Last saved</source>
        <translation>Guardado el</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="101"/>
        <location filename="../../app/ui/assessment/page.py" line="111"/>
        <location filename="../../app/ui/assessment/page.py" line="123"/>
        <source>Assessor</source>
        <translation>Evaluador</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="103"/>
        <source>Drafts</source>
        <translation>Borradores</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="106"/>
        <location filename="../../app/ui/assessment/page.py" line="120"/>
        <source>Completed</source>
        <translation>Completada</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="108"/>
        <source>Band</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="109"/>
        <source>(restricted)</source>
        <translation>(restringido)</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="110"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="112"/>
        <source>Countersigned by</source>
        <translation>Visada por</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="115"/>
        <source>Completed assessments</source>
        <translation>Evaluaciones completadas</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="121"/>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="126"/>
        <location filename="../../app/ui/assessment/page.py" line="128"/>
        <source>Waiting for your countersignature</source>
        <translation>Pendientes de su visado</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="149"/>
        <source>Drafts in progress (Enter continues one):</source>
        <translation>Borradores en curso (Intro continúa uno):</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="151"/>
        <source>Completed assessments (Enter opens one):</source>
        <translation>Evaluaciones completadas (Intro abre una):</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="167"/>
        <source>corrected</source>
        <translation>corregida</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="198"/>
        <source>Assessments of %1</source>
        <translation>Evaluaciones de %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="206"/>
        <source>Your role may not complete any instrument.</source>
        <translation>Su función no puede completar ningún instrumento.</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="247"/>
        <source>You already have a draft of this assessment, started %1: it is open to continue.</source>
        <translation>Ya tiene un borrador de esta evaluación, iniciado el %1: está abierto para continuar.</translation>
    </message>
</context>
<context>
    <name>CaseNoteDialog</name>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="22"/>
        <source>Add a case note</source>
        <translation>Añadir una nota de caso</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="37"/>
        <source>&amp;Sensitive (health, safeguarding)</source>
        <translation>&amp;Sensible (salud, protección)</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="41"/>
        <source>&amp;Type:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="42"/>
        <source>S&amp;ubtype:</source>
        <translation>S&amp;ubtipo:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="43"/>
        <source>&amp;When it happened:</source>
        <translation>&amp;Cuándo ocurrió:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="44"/>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="62"/>
        <source>Case note for %1</source>
        <translation>Nota de caso de %1</translation>
    </message>
</context>
<context>
    <name>CaseNotesPage</name>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="126"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="126"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="126"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="127"/>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="127"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="129"/>
        <source>Latest case notes</source>
        <translation>Notas de caso más recientes</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="131"/>
        <source>&amp;Add a case note…</source>
        <translation>&amp;Añadir una nota de caso…</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="132"/>
        <source>Find the person first, then use Add case note on their record</source>
        <translation>Busque primero a la persona y use Añadir nota de caso en su expediente</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="134"/>
        <source>A&amp;mend the chosen note…</source>
        <translation>&amp;Rectificar la nota elegida…</translation>
    </message>
</context>
<context>
    <name>CloseWarningDialog</name>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="174"/>
        <source>Close a warning</source>
        <translation>Cerrar un aviso</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="180"/>
        <source>&amp;Warning:</source>
        <translation>&amp;Aviso:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="181"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="182"/>
        <source>Close &amp;it</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="198"/>
        <source>Alert: %1 (since %2)</source>
        <translation>Alerta: %1 (desde %2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="202"/>
        <source>Keep apart from %1 (%2, %3)</source>
        <translation>Mantener separado/a de %1 (%2, %3)</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="211"/>
        <source>This person has no open warnings.</source>
        <translation>Esta persona no tiene avisos abiertos.</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="216"/>
        <source>Warning: choose the warning to close</source>
        <translation>Aviso: elija el aviso que desea cerrar</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="89"/>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="89"/>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="89"/>
        <source>Kept for now</source>
        <translation>Conservado por ahora</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="90"/>
        <source>Other change</source>
        <translation>Otro cambio</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="90"/>
        <source>Facility</source>
        <translation>Centro</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="92"/>
        <source>Open conflicts</source>
        <translation>Conflictos abiertos</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="94"/>
        <source>Value kept for now (server)</source>
        <translation>Valor conservado por ahora (servidor)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="97"/>
        <source>Other change (device)</source>
        <translation>Otro cambio (dispositivo)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="107"/>
        <source>Keep the value kept for now</source>
        <translation>Mantener el valor conservado por ahora</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="108"/>
        <source>Take the device&apos;s value</source>
        <translation>Aceptar el valor del dispositivo</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="109"/>
        <source>Set another value</source>
        <translation>Fijar otro valor</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="114"/>
        <source>&amp;Resolve</source>
        <translation>&amp;Resolver</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="116"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="120"/>
        <source>&amp;Decision:</source>
        <translation>&amp;Decisión:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="121"/>
        <source>&amp;Value:</source>
        <translation>&amp;Valor:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="121"/>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="167"/>
        <source>by %1 on device %2, received %3</source>
        <translation>por %1 en el dispositivo %2, recibido el %3</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="170"/>
        <source>was: %1</source>
        <translation>antes: %1</translation>
    </message>
</context>
<context>
    <name>DisciplinePage</name>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="209"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="209"/>
        <source>Charge</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="209"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="210"/>
        <source>Hearing due by</source>
        <translation>Audiencia antes de</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="212"/>
        <source>Adjudication reports</source>
        <translation>Expedientes disciplinarios</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="214"/>
        <source>&amp;Report an incident…</source>
        <translation>&amp;Informar de un incidente…</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="225"/>
        <source>C&amp;hange status</source>
        <translation>Cam&amp;biar el estado</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="232"/>
        <source>&amp;Book hearing</source>
        <translation>&amp;Programar audiencia</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="239"/>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="241"/>
        <source>Record &amp;hearing</source>
        <translation>Registrar la a&amp;udiencia</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="249"/>
        <source>Suspended for six months</source>
        <translation>Suspendida seis meses</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="251"/>
        <source>A&amp;ward punishment</source>
        <translation>Im&amp;poner sanción</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="253"/>
        <source>Next step</source>
        <translation>Siguiente paso</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="255"/>
        <source>New status:</source>
        <translation>Nuevo estado:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="256"/>
        <source>Reason:</source>
        <translation>Motivo:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="258"/>
        <source>Hearing at:</source>
        <translation>Audiencia el:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="259"/>
        <source>Reason it is late:</source>
        <translation>Motivo del retraso:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="261"/>
        <source>Plea:</source>
        <translation>Declaración:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="262"/>
        <source>Outcome:</source>
        <translation>Resultado:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="263"/>
        <source>Finding:</source>
        <translation>Decisión:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="265"/>
        <source>Punishment:</source>
        <translation>Sanción:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="266"/>
        <source>Days:</source>
        <translation>Días:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="320"/>
        <source>Status: %1 · hearing due by %2</source>
        <translation>Estado: %1 · audiencia antes de %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="325"/>
        <source>Hearing %1: %2</source>
        <translation>Audiencia %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="326"/>
        <source>to be held</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="338"/>
        <source>Punishment: %1, %2 days (%3)</source>
        <translation>Sanción: %1, %2 días (%3)</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../app/ui/errors.py" line="86"/>
        <source>Something went wrong and nothing was saved. The details are in the log.</source>
        <translation>Algo salió mal y no se guardó nada. Los detalles están en el registro.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="97"/>
        <source>Not saved</source>
        <translation>No guardado</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../../app/ui/errors.py" line="19"/>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="20"/>
        <source>Last name</source>
        <translation>Apellido</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="21"/>
        <source>Middle names</source>
        <translation>Segundos nombres</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="22"/>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="23"/>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="24"/>
        <source>Gender</source>
        <translation>Género</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="25"/>
        <location filename="../../app/ui/errors.py" line="26"/>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="27"/>
        <source>Why this is a different person</source>
        <translation>Por qué es otra persona</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="28"/>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="29"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="30"/>
        <source>Subtype</source>
        <translation>Subtipo</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="31"/>
        <source>When it happened</source>
        <translation>Cuándo ocurrió</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="32"/>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="33"/>
        <source>Destination</source>
        <translation>Destino</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="34"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="35"/>
        <source>Override reason</source>
        <translation>Motivo de la excepción</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="36"/>
        <location filename="../../app/ui/errors.py" line="45"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="37"/>
        <source>Alert</source>
        <translation>Alerta</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="38"/>
        <source>Other person</source>
        <translation>Otra persona</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="39"/>
        <source>Activity</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="40"/>
        <source>Visitor</source>
        <translation>Visitante</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="41"/>
        <source>Correction reason</source>
        <translation>Motivo de la corrección</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="42"/>
        <source>Hearing at</source>
        <translation>Audiencia el</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="43"/>
        <source>Reason it is late</source>
        <translation>Motivo del retraso</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="44"/>
        <source>Days</source>
        <translation>Días</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="46"/>
        <source>Starts at</source>
        <translation>Empieza a las</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="47"/>
        <source>Booking number</source>
        <translation>Número de ingreso</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="48"/>
        <source>Legal status</source>
        <translation>Situación jurídica</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="49"/>
        <source>Custody</source>
        <translation>Custodia</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="50"/>
        <source>Destination facility</source>
        <translation>Centro de destino</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="51"/>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="52"/>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="53"/>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="54"/>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="55"/>
        <source>Incident type</source>
        <translation>Tipo de incidente</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="56"/>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="57"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="58"/>
        <source>Absence reason</source>
        <translation>Motivo de la ausencia</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="59"/>
        <source>Identifier</source>
        <translation>Identificador</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="60"/>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="61"/>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="62"/>
        <source>Identifier type</source>
        <translation>Tipo de identificador</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="63"/>
        <source>Sync server</source>
        <translation>Servidor de sincronización</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="64"/>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="65"/>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="66"/>
        <source>Lock after (minutes idle)</source>
        <translation>Bloquear tras (minutos sin uso)</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="67"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
</context>
<context>
    <name>GrievanceDialog</name>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="32"/>
        <source>Log a grievance or request</source>
        <translation>Registrar una queja o solicitud</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="39"/>
        <source>(the category&apos;s usual staff)</source>
        <translation>(el personal habitual de la categoría)</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="49"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Clase:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="49"/>
        <source>&amp;Category:</source>
        <translation>&amp;Categoría:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="50"/>
        <source>&amp;Routed to:</source>
        <translation>&amp;Dirigido a:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="51"/>
        <source>&amp;Subject:</source>
        <translation>&amp;Asunto:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="52"/>
        <source>&amp;Details:</source>
        <translation>&amp;Detalles:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="68"/>
        <source>From %1</source>
        <translation>De %1</translation>
    </message>
</context>
<context>
    <name>GrievancesPage</name>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="135"/>
        <location filename="../../app/ui/workflows/grievance.py" line="163"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="135"/>
        <location filename="../../app/ui/workflows/grievance.py" line="163"/>
        <source>Kind</source>
        <translation>Clase</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="135"/>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="136"/>
        <location filename="../../app/ui/workflows/grievance.py" line="163"/>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="136"/>
        <source>Due by</source>
        <translation>Plazo</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="138"/>
        <source>Grievances awaiting an answer</source>
        <translation>Quejas pendientes de respuesta</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="145"/>
        <location filename="../../app/ui/workflows/grievance.py" line="164"/>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="148"/>
        <location filename="../../app/ui/workflows/grievance.py" line="156"/>
        <source>Response</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="150"/>
        <source>&amp;Answer</source>
        <translation>&amp;Responder</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="158"/>
        <source>Outcome:</source>
        <translation>Resultado:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="159"/>
        <source>Response:</source>
        <translation>Respuesta:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="166"/>
        <source>Answered grievances</source>
        <translation>Quejas respondidas</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="169"/>
        <source>Reason for the appeal or closing</source>
        <translation>Motivo del recurso o del cierre</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="170"/>
        <source>A&amp;ppeal</source>
        <translation>Re&amp;currir</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="173"/>
        <source>Cl&amp;ose</source>
        <translation>Cerr&amp;ar</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="176"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="184"/>
        <source>Answered — appeal or close:</source>
        <translation>Respondidas — recurrir o cerrar:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="227"/>
        <source>Grievance: choose an answered grievance</source>
        <translation>Queja: elija una queja respondida</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="254"/>
        <source>%1 awaiting an answer, %2 overdue</source>
        <translation>%1 pendientes de respuesta, %2 fuera de plazo</translation>
    </message>
</context>
<context>
    <name>IncidentDialog</name>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="57"/>
        <source>Report an incident</source>
        <translation>Informar de un incidente</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="71"/>
        <source>Parties</source>
        <translation>Implicados</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="76"/>
        <source>Add a party: type a name or number, then Enter</source>
        <translation>Añadir implicado: escriba un nombre o número y pulse Intro</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="77"/>
        <source>Add a party</source>
        <translation>Añadir implicado</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="80"/>
        <source>(no charge yet)</source>
        <translation>(todavía sin cargo)</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="84"/>
        <source>&amp;Type:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="85"/>
        <source>&amp;Happened at:</source>
        <translation>&amp;Ocurrió el:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="86"/>
        <source>&amp;Discovered at:</source>
        <translation>&amp;Descubierto el:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="87"/>
        <source>&amp;Where:</source>
        <translation>&amp;Dónde:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="88"/>
        <source>&amp;What happened:</source>
        <translation>&amp;Qué ocurrió:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="89"/>
        <source>&amp;Role of the next party:</source>
        <translation>&amp;Papel del siguiente implicado:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="90"/>
        <source>Add &amp;party:</source>
        <translation>Añadir &amp;implicado:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="91"/>
        <source>Parties:</source>
        <translation>Implicados:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="92"/>
        <source>&amp;Charge the first party with:</source>
        <translation>&amp;Imputar al primer implicado:</translation>
    </message>
</context>
<context>
    <name>IntakeWizard</name>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="69"/>
        <source>Reception and intake</source>
        <translation>Recepción e ingreso</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="83"/>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="88"/>
        <source>Who is arriving?</source>
        <translation>¿Quién llega?</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="91"/>
        <source>&amp;First name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="92"/>
        <source>&amp;Middle names:</source>
        <translation>Segundos &amp;nombres:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="93"/>
        <source>&amp;Last name:</source>
        <translation>&amp;Apellido:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="94"/>
        <source>Date of &amp;birth:</source>
        <translation>Fecha de &amp;nacimiento:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="95"/>
        <source>&amp;Sex:</source>
        <translation>&amp;Sexo:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="96"/>
        <source>&amp;Identifier type:</source>
        <translation>Tipo de &amp;identificador:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="97"/>
        <source>Identifier &amp;number:</source>
        <translation>&amp;Número del identificador:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="98"/>
        <source>Alias first name:</source>
        <translation>Nombre del alias:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="99"/>
        <source>Alias last name:</source>
        <translation>Apellido del alias:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="110"/>
        <source>Is this person already known?</source>
        <translation>¿Ya conocemos a esta persona?</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="111"/>
        <source>The replica holds people who may be the same person. Check before creating a new record.</source>
        <translation>La réplica tiene personas que pueden ser la misma. Compruébelo antes de crear un expediente nuevo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="115"/>
        <source>Possible duplicates</source>
        <translation>Posibles duplicados</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="116"/>
        <source>It is one of them: &amp;open their record</source>
        <translation>Es una de ellas: &amp;abrir su expediente</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="118"/>
        <source>It is a &amp;different person, because:</source>
        <translation>Es otra &amp;persona, porque:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="122"/>
        <source>Why this is a different person</source>
        <translation>Por qué es otra persona</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="132"/>
        <source>Admission</source>
        <translation>Ingreso</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="133"/>
        <source>&amp;Admit into custody now</source>
        <translation>&amp;Ingresar en custodia ahora</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="144"/>
        <source>Override reason</source>
        <translation>Motivo de la excepción</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="147"/>
        <source>A .jpg or .png file (optional)</source>
        <translation>Un archivo .jpg o .png (opcional)</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="151"/>
        <source>&amp;Booking number:</source>
        <translation>&amp;Número de ingreso:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="152"/>
        <source>Legal &amp;status:</source>
        <translation>&amp;Situación jurídica:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="153"/>
        <source>&amp;Cell:</source>
        <translation>&amp;Celda:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="154"/>
        <source>&amp;Override reason:</source>
        <translation>&amp;Motivo de la excepción:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="159"/>
        <source>P&amp;hoto:</source>
        <translation>&amp;Fotografía:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="161"/>
        <source>Photo file</source>
        <translation>Archivo de la fotografía</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="179"/>
        <source>%1 (%2 free)</source>
        <translation>%1 (%2 libres)</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="218"/>
        <source>Checking the replica for this person…</source>
        <translation>Buscando a esta persona en la réplica…</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="268"/>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
</context>
<context>
    <name>ItemField</name>
    <message>
        <location filename="../../app/ui/assessment/form.py" line="44"/>
        <source> (optional)</source>
        <translation> (opcional)</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/form.py" line="74"/>
        <source>Not answered</source>
        <translation>Sin respuesta</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/form.py" line="76"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/form.py" line="77"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/form.py" line="88"/>
        <source>At least %1 characters</source>
        <translation>Al menos %1 caracteres</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/form.py" line="94"/>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/form.py" line="99"/>
        <source>A whole number (%1)</source>
        <translation>Un número entero (%1)</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../app/ui/lock.py" line="70"/>
        <source>Custos is locked</source>
        <translation>Custos está bloqueado</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock.py" line="74"/>
        <source>Signed in as %1. Enter your password to continue.</source>
        <translation>Sesión iniciada como %1. Introduzca su contraseña para continuar.</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock.py" line="79"/>
        <location filename="../../app/ui/lock.py" line="80"/>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock.py" line="82"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock.py" line="102"/>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../app/ui/login.py" line="50"/>
        <source>Sign in to Custos</source>
        <translation>Iniciar sesión en Custos</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="56"/>
        <source>Sync server</source>
        <translation>Servidor de sincronización</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="57"/>
        <source>https://custos.example (leave empty to work offline)</source>
        <translation>https://custos.example (déjelo vacío para trabajar sin conexión)</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="60"/>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="63"/>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="69"/>
        <source>&amp;User name:</source>
        <translation>Nombre de &amp;usuario:</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="70"/>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="71"/>
        <source>&amp;Server:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="77"/>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="89"/>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
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
        <translation>Módulos</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="128"/>
        <source>&amp;Custos</source>
        <translation>&amp;Custos</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="129"/>
        <source>&amp;Sync now</source>
        <translation>&amp;Sincronizar ahora</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="131"/>
        <source>&amp;Lock</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="134"/>
        <source>&amp;Rejected changes…</source>
        <translation>Cambios &amp;rechazados…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="137"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="138"/>
        <source>&amp;Person</source>
        <translation>&amp;Persona</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="139"/>
        <source>&amp;Find a person…</source>
        <translation>&amp;Buscar una persona…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="141"/>
        <source>New &amp;intake…</source>
        <translation>Nuevo &amp;ingreso…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="143"/>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="149"/>
        <source>&amp;Demo</source>
        <translation>&amp;Demostración</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="150"/>
        <source>Officer</source>
        <translation>Funcionario</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="150"/>
        <source>Psychologist</source>
        <translation>Psicólogo</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="151"/>
        <source>Case manager</source>
        <translation>Gestor de caso</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="152"/>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="153"/>
        <source>Central office</source>
        <translation>Servicios centrales</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="153"/>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="155"/>
        <source>View as %1</source>
        <translation>Ver como %1</translation>
    </message>
</context>
<context>
    <name>Modules</name>
    <message>
        <location filename="../../app/ui/modules.py" line="39"/>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <location filename="../../app/ui/modules.py" line="40"/>
        <source>Unit roll and locations</source>
        <translation>Recuento y ubicaciones</translation>
    </message>
    <message>
        <location filename="../../app/ui/modules.py" line="41"/>
        <source>Activities</source>
        <translation>Actividades</translation>
    </message>
    <message>
        <location filename="../../app/ui/modules.py" line="42"/>
        <source>Discipline</source>
        <translation>Disciplina</translation>
    </message>
    <message>
        <location filename="../../app/ui/modules.py" line="43"/>
        <source>Case notes</source>
        <translation>Notas de caso</translation>
    </message>
    <message>
        <location filename="../../app/ui/modules.py" line="45"/>
        <source>Grievances and requests</source>
        <translation>Quejas y solicitudes</translation>
    </message>
    <message>
        <location filename="../../app/ui/modules.py" line="47"/>
        <source>Visits</source>
        <translation>Visitas</translation>
    </message>
    <message>
        <location filename="../../app/ui/modules.py" line="48"/>
        <source>Assessments</source>
        <translation>Evaluaciones</translation>
    </message>
    <message>
        <location filename="../../app/ui/modules.py" line="49"/>
        <source>Conflicts</source>
        <translation>Conflictos</translation>
    </message>
    <message>
        <location filename="../../app/ui/modules.py" line="51"/>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="34"/>
        <source>Move a person</source>
        <translation>Trasladar a una persona</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="39"/>
        <source>Reading where this person is…</source>
        <translation>Leyendo dónde está esta persona…</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="44"/>
        <source>To another &amp;cell</source>
        <translation>A otra &amp;celda</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="45"/>
        <source>Out to c&amp;ourt</source>
        <translation>Salida al &amp;juzgado</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="46"/>
        <source>Out on temporary &amp;absence</source>
        <translation>Salida por &amp;permiso temporal</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="47"/>
        <source>&amp;Return to the facility</source>
        <translation>&amp;Regreso al centro</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="48"/>
        <source>&amp;Transfer to another facility</source>
        <translation>T&amp;raslado a otro centro</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="58"/>
        <source>Destination cell</source>
        <translation>Celda de destino</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="62"/>
        <source>Destination facility</source>
        <translation>Centro de destino</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="71"/>
        <source>Override reason</source>
        <translation>Motivo de la excepción</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="72"/>
        <source>Required when there are warnings</source>
        <translation>Obligatorio cuando hay avisos</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="77"/>
        <source>&amp;Destination cell:</source>
        <translation>Celda de &amp;destino:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="78"/>
        <source>Destination &amp;facility:</source>
        <translation>Centro de d&amp;estino:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="79"/>
        <source>O&amp;verride reason:</source>
        <translation>Moti&amp;vo de la excepción:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="80"/>
        <source>Co&amp;mment:</source>
        <translation>Co&amp;mentario:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="105"/>
        <source>This person is not in custody here, so cannot be moved.</source>
        <translation>Esta persona no está en custodia aquí, así que no se puede trasladar.</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="109"/>
        <source>Now out of the facility (cell %1 kept).</source>
        <translation>Ahora fuera del centro (conserva la celda %1).</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="110"/>
        <source>Now in cell %1.</source>
        <translation>Ahora en la celda %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="121"/>
        <source>%1 (%2 of %3 places taken)</source>
        <translation>%1 (%2 de %3 plazas ocupadas)</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="154"/>
        <source>Warnings (an override reason is required):</source>
        <translation>Avisos (se requiere un motivo de excepción):</translation>
    </message>
</context>
<context>
    <name>NonAssociationDialog</name>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="99"/>
        <source>Keep apart from someone</source>
        <translation>Mantener separado de alguien</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="104"/>
        <source>Type a name or number, then Enter</source>
        <translation>Escriba un nombre o número y pulse Intro</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="118"/>
        <source>&amp;Find the other person:</source>
        <translation>&amp;Buscar a la otra persona:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="119"/>
        <source>&amp;Other person:</source>
        <translation>&amp;Otra persona:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="120"/>
        <source>&amp;Role of this person:</source>
        <translation>&amp;Papel de esta persona:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="121"/>
        <source>Role of the o&amp;ther person:</source>
        <translation>Papel de la o&amp;tra persona:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="122"/>
        <source>R&amp;eason:</source>
        <translation>Mo&amp;tivo:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="123"/>
        <source>&amp;Keep apart on the same:</source>
        <translation>&amp;Mantener separados en el mismo/la misma:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="124"/>
        <source>&amp;Comment:</source>
        <translation>&amp;Comentario:</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <location filename="../../app/ui/people_model.py" line="184"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_model.py" line="184"/>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_model.py" line="184"/>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_model.py" line="185"/>
        <source>Matched</source>
        <translation>Coincidencia</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_model.py" line="213"/>
        <source>%1 (out)</source>
        <translation>%1 (fuera)</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <location filename="../../app/ui/people_page.py" line="52"/>
        <source>Search by name, alias or number</source>
        <translation>Buscar por nombre, alias o número</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_page.py" line="53"/>
        <source>Search people</source>
        <translation>Buscar personas</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_page.py" line="57"/>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_page.py" line="62"/>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_page.py" line="168"/>
        <source>The first sync is still loading this facility: the people it brings can be found once it ends.</source>
        <translation>La primera sincronización todavía está cargando este centro: las personas que trae se podrán encontrar cuando termine.</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_page.py" line="171"/>
        <source>No one matches. Check the spelling or try a number.</source>
        <translation>No hay coincidencias. Revise la ortografía o pruebe con un número.</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_page.py" line="173"/>
        <source>More people match: keep typing to narrow the list.</source>
        <translation>Hay más coincidencias: siga escribiendo para acotar la lista.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/people_page.py" line="175"/>
        <source>%Ln person(s)</source>
        <translation>
            <numerusform>%Ln persona</numerusform>
            <numerusform>%Ln personas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhotoDialog</name>
    <message>
        <location filename="../../app/ui/workflows/photo.py" line="55"/>
        <source>Add a photo</source>
        <translation>Añadir fotografía</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/photo.py" line="60"/>
        <source>Photo file</source>
        <translation>Archivo de la fotografía</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/photo.py" line="61"/>
        <source>A .jpg or .png file</source>
        <translation>Un archivo .jpg o .png</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/photo.py" line="63"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/photo.py" line="66"/>
        <location filename="../../app/ui/workflows/photo.py" line="105"/>
        <source>No photo chosen</source>
        <translation>Ninguna fotografía elegida</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/photo.py" line="68"/>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/photo.py" line="76"/>
        <source>&amp;File:</source>
        <translation>&amp;Archivo:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/photo.py" line="93"/>
        <source>Photo of %1</source>
        <translation>Fotografía de %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/photo.py" line="96"/>
        <source>Choose the photo</source>
        <translation>Elegir la fotografía</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/photo.py" line="97"/>
        <source>Photos (*.jpg *.jpeg *.png)</source>
        <translation>Fotografías (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/photo.py" line="106"/>
        <source>Not a picture this program can show</source>
        <translation>No es una imagen que este programa pueda mostrar</translation>
    </message>
</context>
<context>
    <name>ProfileView</name>
    <message>
        <location filename="../../app/ui/profile_view.py" line="63"/>
        <source>Photograph</source>
        <translation>Fotografía</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="64"/>
        <source>Choose a person to see their record.</source>
        <translation>Elija una persona para ver su expediente.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="78"/>
        <source>Warnings</source>
        <translation>Avisos</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="86"/>
        <source>Add case &amp;note</source>
        <translation>Añadir &amp;nota de caso</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="86"/>
        <source>&amp;Move</source>
        <translation>&amp;Trasladar</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="87"/>
        <source>Report &amp;incident</source>
        <translation>Informar de &amp;incidente</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="87"/>
        <source>Log g&amp;rievance</source>
        <translation>Registrar &amp;queja</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="88"/>
        <source>Book &amp;visit</source>
        <translation>Programar &amp;visita</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="88"/>
        <source>A&amp;llocate</source>
        <translation>A&amp;signar actividad</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="89"/>
        <source>Add &amp;alert</source>
        <translation>Añadir &amp;alerta</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="90"/>
        <source>&amp;Keep apart…</source>
        <translation>&amp;Mantener separado…</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="104"/>
        <source>Record sections</source>
        <translation>Secciones del expediente</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="126"/>
        <source>P&amp;hoto…</source>
        <translation>Fo&amp;to…</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="128"/>
        <source>Add a photo</source>
        <translation>Añadir fotografía</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="147"/>
        <source>Cl&amp;ose a warning…</source>
        <translation>Cerrar a&amp;viso…</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="162"/>
        <source>Identity</source>
        <translation>Identidad</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="163"/>
        <source>Custody and sentence</source>
        <translation>Custodia y condena</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="164"/>
        <source>Location and movements</source>
        <translation>Ubicación y movimientos</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="165"/>
        <source>Assessments</source>
        <translation>Evaluaciones</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="166"/>
        <source>Discipline</source>
        <translation>Disciplina</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="167"/>
        <source>Activities and attendance</source>
        <translation>Actividades y asistencia</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="168"/>
        <source>Case notes</source>
        <translation>Notas de caso</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="169"/>
        <source>Grievances and requests</source>
        <translation>Quejas y solicitudes</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="170"/>
        <source>Visits</source>
        <translation>Visitas</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="171"/>
        <source>Sentence plan</source>
        <translation>Plan individual</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="172"/>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="206"/>
        <source>Born %1 · %2</source>
        <translation>Nacido/a el %1 · %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="215"/>
        <source>No photo</source>
        <translation>Sin fotografía</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="231"/>
        <source>Your role does not give access to this section.</source>
        <translation>Su función no da acceso a esta sección.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="251"/>
        <source>ALERT %1: %2</source>
        <translation>ALERTA %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="255"/>
        <source>NON-ASSOCIATION: keep apart from %1 (%2, %3)</source>
        <translation>NO ASOCIACIÓN: mantener separado/a de %1 (%2, %3)</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="269"/>
        <source>Nothing recorded.</source>
        <translation>Nada registrado.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="274"/>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="274"/>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="275"/>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="276"/>
        <source>Middle names</source>
        <translation>Segundos nombres</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="277"/>
        <source>Last name</source>
        <translation>Apellido</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="278"/>
        <location filename="../../app/ui/profile_view.py" line="290"/>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="279"/>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="280"/>
        <source>Gender</source>
        <translation>Género</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="281"/>
        <source>Facility</source>
        <translation>Centro</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="284"/>
        <source>Identifiers</source>
        <translation>Identificadores</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="285"/>
        <location filename="../../app/ui/profile_view.py" line="307"/>
        <location filename="../../app/ui/profile_view.py" line="413"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="285"/>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="289"/>
        <source>Also known as</source>
        <translation>También conocido/a como</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="290"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="299"/>
        <source>Custody episodes</source>
        <translation>Periodos de custodia</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="300"/>
        <source>Booking</source>
        <translation>Ingreso</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="300"/>
        <source>Legal status</source>
        <translation>Situación jurídica</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="300"/>
        <location filename="../../app/ui/profile_view.py" line="338"/>
        <location filename="../../app/ui/profile_view.py" line="348"/>
        <location filename="../../app/ui/profile_view.py" line="360"/>
        <location filename="../../app/ui/profile_view.py" line="413"/>
        <location filename="../../app/ui/profile_view.py" line="427"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="301"/>
        <source>Admitted</source>
        <translation>Ingresó</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="301"/>
        <source>Released</source>
        <translation>Salió</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="306"/>
        <source>Sentences</source>
        <translation>Condenas</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="307"/>
        <source>Length (days)</source>
        <translation>Duración (días)</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="307"/>
        <source>Starts</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="307"/>
        <source>Court</source>
        <translation>Juzgado</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="311"/>
        <source>Offences</source>
        <translation>Delitos</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="312"/>
        <source>Offence</source>
        <translation>Delito</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="312"/>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="312"/>
        <source>Committed</source>
        <translation>Cometido</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="321"/>
        <source>out: %1</source>
        <translation>fuera: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="323"/>
        <source>Now</source>
        <translation>Ahora</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="323"/>
        <source>Not in custody</source>
        <translation>No está en custodia</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="326"/>
        <location filename="../../app/ui/profile_view.py" line="347"/>
        <location filename="../../app/ui/profile_view.py" line="412"/>
        <location filename="../../app/ui/profile_view.py" line="435"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="326"/>
        <source>Movement</source>
        <translation>Movimiento</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="326"/>
        <location filename="../../app/ui/profile_view.py" line="365"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="327"/>
        <location filename="../../app/ui/profile_view.py" line="360"/>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="327"/>
        <location filename="../../app/ui/profile_view.py" line="360"/>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="327"/>
        <source>Override reason</source>
        <translation>Motivo de la excepción</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="338"/>
        <source>Instrument</source>
        <translation>Instrumento</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="338"/>
        <source>Assessor</source>
        <translation>Evaluador</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="339"/>
        <source>Completed</source>
        <translation>Completada</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="347"/>
        <source>Incident</source>
        <translation>Incidente</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="347"/>
        <source>Charge</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="348"/>
        <source>Hearing due</source>
        <translation>Plazo de la audiencia</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="360"/>
        <location filename="../../app/ui/profile_view.py" line="365"/>
        <source>Activity</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="364"/>
        <source>Recent attendance</source>
        <translation>Asistencia reciente</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="365"/>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="365"/>
        <source>Attendance</source>
        <translation>Asistencia</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="379"/>
        <source>sensitive</source>
        <translation>sensible</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="381"/>
        <source>amendment</source>
        <translation>rectificación</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="398"/>
        <source>due %1</source>
        <translation>plazo %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="412"/>
        <source>Visitor</source>
        <translation>Visitante</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="412"/>
        <source>Relationship</source>
        <translation>Relación</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="424"/>
        <source>Started %1, next review %2</source>
        <translation>Iniciado el %1, próxima revisión %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="427"/>
        <source>Need</source>
        <translation>Necesidad</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="427"/>
        <source>Goal</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="427"/>
        <source>Target</source>
        <translation>Meta</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="435"/>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="435"/>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="435"/>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="101"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="101"/>
        <source>Attendance</source>
        <translation>Asistencia</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="101"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="131"/>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="135"/>
        <source>Register</source>
        <translation>Lista de asistencia</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="139"/>
        <source>Absence reason for X</source>
        <translation>Motivo de la ausencia para X</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="142"/>
        <source>Correction reason</source>
        <translation>Motivo de la corrección</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="143"/>
        <source>Choose a session.</source>
        <translation>Elija una sesión.</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="145"/>
        <source>A attended · X absent · E excused · Ctrl+Shift+A everyone else attended · Ctrl+Enter save</source>
        <translation>A asistió · X ausente · E excusado · Ctrl+Shift+A todos los demás asistieron · Ctrl+Intro guardar</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="148"/>
        <source>Everyone else &amp;attended</source>
        <translation>Todos los demás &amp;asistieron</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="150"/>
        <source>&amp;Save register</source>
        <translation>&amp;Guardar asistencia</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="157"/>
        <source>Absence reason (X):</source>
        <translation>Motivo de la ausencia (X):</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="158"/>
        <source>Correction reason:</source>
        <translation>Motivo de la corrección:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="190"/>
        <source>cancelled</source>
        <translation>cancelada</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="240"/>
        <source>Nothing to save: no marks were changed.</source>
        <translation>Nada que guardar: no se cambió ninguna marca.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/workflows/register.py" line="252"/>
        <source>Saved %n mark(s).</source>
        <translation>
            <numerusform>%n marca guardada.</numerusform>
            <numerusform>%n marcas guardadas.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RejectedDialog</name>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="213"/>
        <location filename="../../app/ui/sync_inbox.py" line="219"/>
        <source>Rejected changes</source>
        <translation>Cambios rechazados</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="216"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="216"/>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="216"/>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="217"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="224"/>
        <source>Corrected value</source>
        <translation>Valor corregido</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="227"/>
        <source>Reason to discard</source>
        <translation>Motivo para descartar</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="228"/>
        <source>Send &amp;again</source>
        <translation>Enviar de &amp;nuevo</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="230"/>
        <source>&amp;Discard</source>
        <translation>&amp;Descartar</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="235"/>
        <source>Reason to discard:</source>
        <translation>Motivo para descartar:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="274"/>
        <source>Corrected %1:</source>
        <translation>%1 corregido:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="275"/>
        <source>Corrected value:</source>
        <translation>Valor corregido:</translation>
    </message>
</context>
<context>
    <name>RollPage</name>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="112"/>
        <source>Unit</source>
        <translation>Módulo</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="112"/>
        <source>In</source>
        <translation>Dentro</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="112"/>
        <source>Out</source>
        <translation>Fuera</translation>
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
        <translation>Capacidad operativa</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="113"/>
        <source>Free</source>
        <translation>Libres</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="114"/>
        <source>Cell</source>
        <translation>Celda</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="114"/>
        <location filename="../../app/ui/workflows/roll.py" line="116"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="114"/>
        <location filename="../../app/ui/workflows/roll.py" line="116"/>
        <source>Booking</source>
        <translation>Ingreso</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="115"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="116"/>
        <source>Out for</source>
        <translation>Fuera por</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="117"/>
        <source>Cell kept</source>
        <translation>Celda conservada</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="119"/>
        <source>Units</source>
        <translation>Módulos</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="121"/>
        <source>People in the unit</source>
        <translation>Personas en el módulo</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="123"/>
        <source>Out of the facility</source>
        <translation>Fuera del centro</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="126"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="138"/>
        <source>In the unit:</source>
        <translation>En el módulo:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="140"/>
        <source>Out of the facility:</source>
        <translation>Fuera del centro:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="146"/>
        <location filename="../../app/ui/workflows/roll.py" line="151"/>
        <source>Locations</source>
        <translation>Ubicaciones</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="150"/>
        <source>Roll</source>
        <translation>Recuento</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="166"/>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="166"/>
        <source>Kind</source>
        <translation>Clase</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="166"/>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="167"/>
        <source>State</source>
        <translation>Situación</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="176"/>
        <source>in use</source>
        <translation>en uso</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="177"/>
        <source>out of use: %1</source>
        <translation>fuera de uso: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="205"/>
        <source>Roll: %1 in, %2 out, %3 in total</source>
        <translation>Recuento: %1 dentro, %2 fuera, %3 en total</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="221"/>
        <source>out</source>
        <translation>fuera</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="221"/>
        <source>in</source>
        <translation>dentro</translation>
    </message>
</context>
<context>
    <name>ScorePanel</name>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="29"/>
        <source>Age at the current conviction (derived)</source>
        <translation>Edad en la condena actual (calculada)</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="30"/>
        <source>Age at the first sanction (derived)</source>
        <translation>Edad en la primera sanción (calculada)</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="31"/>
        <source>Age at assessment (derived)</source>
        <translation>Edad en la evaluación (calculada)</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="32"/>
        <source>Previous sanctions counted (capped at 50, derived)</source>
        <translation>Sanciones anteriores contadas (máximo 50, calculado)</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="35"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="36"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="73"/>
        <source>Band</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="93"/>
        <source>Main contributing factor</source>
        <translation>Principal factor contribuyente</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="94"/>
        <source>Effect</source>
        <translation>Efecto</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="97"/>
        <source>Main contributing factors</source>
        <translation>Principales factores contribuyentes</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="99"/>
        <source>Input used</source>
        <translation>Dato utilizado</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="100"/>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="102"/>
        <source>Inputs used</source>
        <translation>Datos utilizados</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="104"/>
        <source>Need area</source>
        <translation>Área de necesidad</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="105"/>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="106"/>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="108"/>
        <source>Needs profile</source>
        <translation>Perfil de necesidades</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="116"/>
        <source>Limits of this result</source>
        <translation>Límites de este resultado</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="123"/>
        <source>Main contributing factors:</source>
        <translation>Principales factores contribuyentes:</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="127"/>
        <source>Inputs used:</source>
        <translation>Datos utilizados:</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="134"/>
        <source>Your decision</source>
        <translation>Su decisión</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="136"/>
        <source>I &amp;agree with this band</source>
        <translation>&amp;Estoy de acuerdo con este nivel</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="138"/>
        <source>I &amp;override it: the score does not fit this case (disregard the score)</source>
        <translation>&amp;No estoy de acuerdo: la puntuación no se ajusta a este caso (no tener en cuenta la puntuación)</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="146"/>
        <location filename="../../app/ui/assessment/score_panel.py" line="196"/>
        <source>Your own band</source>
        <translation>Su propio nivel</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="147"/>
        <source>Choose your own band</source>
        <translation>Elija su propio nivel</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="152"/>
        <location filename="../../app/ui/assessment/score_panel.py" line="195"/>
        <source>Reason for your decision</source>
        <translation>Motivo de su decisión</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="153"/>
        <source>Why you agree or, for an override, why the score does not fit (required for an override)</source>
        <translation>Por qué está de acuerdo o, si no lo está, por qué la puntuación no se ajusta (obligatorio si no está de acuerdo)</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="157"/>
        <source>&amp;Record my decision</source>
        <translation>&amp;Registrar mi decisión</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="168"/>
        <source>Your own &amp;band:</source>
        <translation>Su propio &amp;nivel:</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="172"/>
        <source>R&amp;eason:</source>
        <translation>Mo&amp;tivo:</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="197"/>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="212"/>
        <source>No decision recorded yet. The score has no effect until you record yours.</source>
        <translation>Aún no hay decisión registrada. La puntuación no tiene efecto hasta que registre la suya.</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="217"/>
        <source>Recorded: %1 agreed with the band on %2.</source>
        <translation>Registrado: %1 estuvo de acuerdo con el nivel el %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="220"/>
        <source>Recorded: %1 overrode the score on %2, with their own band %3. Reason: %4</source>
        <translation>Registrado: %1 no siguió la puntuación el %2, con su propio nivel %3. Motivo: %4</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="241"/>
        <source>Band: %1</source>
        <translation>Nivel: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="248"/>
        <source>Estimated proven reoffending: %1% within one year, %2% within two years.</source>
        <translation>Reincidencia probada estimada: %1% en un año, %2% en dos años.</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="252"/>
        <source>Model %1 version %2 (SHA-256 %3…)</source>
        <translation>Modelo %1 versión %2 (SHA-256 %3…)</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="258"/>
        <source>This score supports and never replaces your judgement. Record your own decision below; you may disregard the score where it does not fit the case.</source>
        <translation>Esta puntuación apoya y nunca sustituye su juicio. Registre abajo su propia decisión; puede no tener en cuenta la puntuación cuando no se ajuste al caso.</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="262"/>
        <source>This score supports and never replaces your judgement. You may disregard it where it does not fit the case.</source>
        <translation>Esta puntuación apoya y nunca sustituye su juicio. Puede no tenerla en cuenta cuando no se ajuste al caso.</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="266"/>
        <source>This is a structured professional judgement: your rating and its written rationale are the result. No statistical score is computed.</source>
        <translation>Este es un juicio profesional estructurado: su valoración y su justificación escrita son el resultado. No se calcula ninguna puntuación estadística.</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="290"/>
        <source>Priorities for the sentence plan: %1</source>
        <translation>Prioridades para el plan individual: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="292"/>
        <source>none at or above the priority level</source>
        <translation>ninguna en el nivel de prioridad o por encima</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="299"/>
        <source>What this result cannot tell you</source>
        <translation>Lo que este resultado no puede decirle</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="313"/>
        <source>rationale: %1</source>
        <translation>justificación: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="314"/>
        <source>present</source>
        <translation>presente</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="317"/>
        <source>raises the estimate (%1)</source>
        <translation>sube la estimación (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="319"/>
        <source>lowers the estimate (%1)</source>
        <translation>baja la estimación (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="320"/>
        <source>adds %1</source>
        <translation>añade %1</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../app/ui/settings.py" line="57"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings.py" line="60"/>
        <source>Lock after (minutes idle)</source>
        <translation>Bloquear tras (minutos sin uso)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings.py" line="62"/>
        <source>Sync every (minutes)</source>
        <translation>Sincronizar cada (minutos)</translation>
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
        <translation>&amp;Guardar ajustes</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="46"/>
        <source>The screen locks after at most 30 minutes without use.</source>
        <translation>La pantalla se bloquea tras 30 minutos sin uso como máximo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="78"/>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <location filename="../../app/ui/sync_indicator.py" line="227"/>
        <source>Open the rejected changes (Ctrl+Shift+R)</source>
        <translation>Abrir los cambios rechazados (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_indicator.py" line="230"/>
        <source>First sync progress</source>
        <translation>Progreso de la primera sincronización</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_indicator.py" line="234"/>
        <location filename="../../app/ui/sync_indicator.py" line="235"/>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_indicator.py" line="236"/>
        <source>Sync now (F5)</source>
        <translation>Sincronizar ahora (F5)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_indicator.py" line="254"/>
        <source>● Online</source>
        <translation>● En línea</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_indicator.py" line="256"/>
        <source>○ Offline (no sync server yet)</source>
        <translation>○ Sin conexión (aún sin servidor)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_indicator.py" line="258"/>
        <source>○ Offline</source>
        <translation>○ Sin conexión</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_indicator.py" line="260"/>
        <source>Last sync: …</source>
        <translation>Última sincronización: …</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_indicator.py" line="262"/>
        <source>Last sync: %1</source>
        <translation>Última sincronización: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_indicator.py" line="263"/>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/sync_indicator.py" line="264"/>
        <source>%Ln change(s) to send</source>
        <translation>
            <numerusform>%Ln cambio por enviar</numerusform>
            <numerusform>%Ln cambios por enviar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/sync_indicator.py" line="265"/>
        <source>%Ln conflict(s)</source>
        <translation>
            <numerusform>%Ln conflicto</numerusform>
            <numerusform>%Ln conflictos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/sync_indicator.py" line="266"/>
        <source>%Ln rejected</source>
        <translation>
            <numerusform>%Ln rechazado</numerusform>
            <numerusform>%Ln rechazados</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_indicator.py" line="272"/>
        <source>Sync status</source>
        <translation>Estado de la sincronización</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_indicator.py" line="280"/>
        <source>Last sync stopped: %1</source>
        <translation>La última sincronización se detuvo: %1</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="37"/>
        <source>Book a visit</source>
        <translation>Programar una visita</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="42"/>
        <source>A&amp;pprove this visitor</source>
        <translation>A&amp;probar a este visitante</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="51"/>
        <source>Add to the &amp;visitor list</source>
        <translation>Añadir a la lista de &amp;visitantes</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="60"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="67"/>
        <source>V&amp;isitor:</source>
        <translation>V&amp;isitante:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="68"/>
        <source>New visitor&apos;s &amp;first name:</source>
        <translation>&amp;Nombre del nuevo visitante:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="69"/>
        <source>New visitor&apos;s &amp;last name:</source>
        <translation>&amp;Apellido del nuevo visitante:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="70"/>
        <source>&amp;Relationship:</source>
        <translation>&amp;Relación:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="71"/>
        <source>&amp;Starts at:</source>
        <translation>&amp;Empieza a las:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="72"/>
        <source>&amp;Length:</source>
        <translation>&amp;Duración:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="73"/>
        <source>&amp;Type:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="74"/>
        <source>&amp;Override reason:</source>
        <translation>&amp;Motivo de la excepción:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="86"/>
        <source>&amp;Ban this visitor</source>
        <translation>&amp;Prohibir a este visitante</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="89"/>
        <source>Lift the ba&amp;n</source>
        <translation>Levantar la prohi&amp;bición</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="92"/>
        <source>Ban the chosen visitor</source>
        <translation>Prohibir al visitante elegido</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="94"/>
        <source>R&amp;eason:</source>
        <translation>Moti&amp;vo:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="95"/>
        <source>Banned &amp;until:</source>
        <translation>Prohibido &amp;hasta:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="96"/>
        <source>Ban</source>
        <translation>Prohibición</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="123"/>
        <source>approved</source>
        <translation>aprobado</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="123"/>
        <source>waiting for approval</source>
        <translation>pendiente de aprobación</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="124"/>
        <source>banned until %1</source>
        <translation>prohibido hasta %1</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="209"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="209"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="209"/>
        <source>Visitor</source>
        <translation>Visitante</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="210"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="210"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="212"/>
        <source>Visits from today</source>
        <translation>Visitas desde hoy</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="214"/>
        <source>&amp;Took place</source>
        <translation>&amp;Tuvo lugar</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="217"/>
        <source>Visitor did &amp;not come</source>
        <translation>El visitante &amp;no vino</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="226"/>
        <source>Visits from today (book one from the person&apos;s record):</source>
        <translation>Visitas desde hoy (programe una desde el expediente de la persona):</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="241"/>
        <source>booked</source>
        <translation>programada</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="241"/>
        <source>took place</source>
        <translation>tuvo lugar</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="242"/>
        <source>cancelled</source>
        <translation>cancelada</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="242"/>
        <source>did not come</source>
        <translation>no vino</translation>
    </message>
</context>
<context>
    <name>_NotYet</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="333"/>
        <source>This module&apos;s own screens are not in this version yet. Its records show on each person&apos;s profile (People, Ctrl+1).</source>
        <translation>Las pantallas propias de este módulo aún no están en esta versión. Sus registros aparecen en el expediente de cada persona (Personas, Ctrl+1).</translation>
    </message>
</context>
</TS>
