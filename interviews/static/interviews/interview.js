// The built-in interview page: a client of /ws/ai-interview (DESIGN.md §6).
//
// Flow: get or paste a candidate token, pick a job (or take the one ?job= names),
// paste or upload a resume, then answer five questions over the WebSocket. If the
// socket drops before the interview is finished, the page reconnects by itself
// with the same session_id; the server sends the current question again (or the
// finished interview's results), so nothing is lost. No framework, no build step.
//
// The token stays in this page's memory only (never localStorage): each socket
// opens with a 60-second single-use ticket from POST /auth/ws-ticket, so no
// long-lived secret is written to a URL or to the browser's storage.
(function () {
  "use strict";

  var app = document.getElementById("app");
  var TOTAL = parseInt(app.dataset.totalQuestions, 10) || 5;
  var MAX_UPLOAD_BYTES = (parseInt(app.dataset.maxUploadMb, 10) || 10) * 1024 * 1024;
  var JOB_CODE = app.dataset.jobCode || "";
  var TOKEN_KEY = "openhire.candidateToken";
  // Closing codes after which reconnecting cannot help (see interviews/consumers.py).
  var FINAL_CLOSE_CODES = {
    1009: "The message was too large for the server.",
    4400: "The server could not start this interview.",
    4401: "Your token was not accepted: paste a valid candidate token or create an account.",
    4403: "This interview is not yours, or your account cannot take interviews.",
    4410: "This interview session was deleted.",
  };
  // Error codes that mean the session itself is over or not ours.
  var FINAL_ERROR_CODES = {
    session_expired: true,
    session_deleted: true,
    session_forbidden: true,
    not_authenticated: true,
    wrong_role: true,
    identity_mismatch: true,
    invalid_session_id: true,
  };
  var RECOMMENDATIONS = {
    strong_hire: "Strong hire",
    hire: "Hire",
    maybe: "Maybe",
    no_hire: "No hire",
  };
  var SCORES = [
    ["overall_score", "Overall"],
    ["technical_score", "Technical"],
    ["communication_score", "Communication"],
    ["problem_solving_score", "Problem solving"],
    ["cultural_fit_score", "Cultural fit"],
  ];

  function $(id) {
    return document.getElementById(id);
  }

  var state = {
    token: "",
    jobId: "",
    resume: "", // text, or a data: URL of a PDF/DOCX
    sessionId: "",
    socket: null,
    connections: 0,
    initialized: false, // the server has the interview (interview_initialized or a question seen)
    finished: false,
    stopped: false, // a final error: do not reconnect
    question: 0, // number of the question on screen
    awaitingAnswer: false,
    pendingAnswer: "", // sent, not yet acknowledged (answer_received)
    retryDelay: 500,
    retryTimer: null,
    pingTimer: null,
  };

  // --- small helpers ---------------------------------------------------------------

  function setText(id, text) {
    $(id).textContent = text || "";
  }

  function show(id, visible) {
    $(id).hidden = !visible;
  }

  function setConnection(text, online) {
    var el = $("connection");
    el.textContent = text;
    el.className = online ? "online" : "offline";
  }

  function setAnswering(enabled) {
    $("answer").disabled = !enabled;
    $("send").disabled = !enabled;
    $("end").disabled = !(state.initialized && !state.finished && state.socket);
    if (enabled) $("answer").focus();
  }

  function fillList(id, items) {
    var list = $(id);
    list.textContent = "";
    (items || []).forEach(function (item) {
      var li = document.createElement("li");
      li.textContent = item;
      list.appendChild(li);
    });
    if (!list.children.length) {
      var none = document.createElement("li");
      none.textContent = "—";
      list.appendChild(none);
    }
  }

  function errorDetail(body, fallback) {
    if (body && typeof body.detail === "string") return body.detail;
    return fallback;
  }

  // --- 1. identity ---------------------------------------------------------------------

  function loadToken() {
    // Older versions of this page kept the token in localStorage: forget it.
    try {
      window.localStorage.removeItem(TOKEN_KEY);
    } catch (e) {
      /* storage may be disabled: nothing was kept */
    }
  }

  function signUp() {
    var name = $("signup-name").value.trim();
    var email = $("signup-email").value.trim();
    if (!email) {
      setText("identity-status", "Enter your email to create an account.");
      return;
    }
    $("signup").disabled = true;
    fetch("/users", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: email, name: name, role: "candidate" }),
    })
      .then(function (response) {
        return response.json().then(function (body) {
          if (!response.ok) throw new Error(errorDetail(body, "Sign-up failed."));
          return body;
        });
      })
      .then(function (user) {
        $("token").value = user.token;
        setText(
          "identity-status",
          "Account created for " + user.email + ". Your token is filled in above; keep it to see your results later."
        );
        $("signup-box").open = false;
      })
      .catch(function (error) {
        setText("identity-status", error.message);
      })
      .finally(function () {
        $("signup").disabled = false;
      });
  }

  // --- 2. job and resume ---------------------------------------------------------------

  function jobLabel(job) {
    var parts = [job.title];
    if (job.company_name) parts.push(job.company_name);
    if (job.location) parts.push(job.location);
    return parts.join(" · ");
  }

  function loadJobs() {
    if (JOB_CODE) {
      show("job-picker", false);
      show("job-fixed", true);
      setText("job-fixed", "Loading the job…");
      fetch("/j/" + encodeURIComponent(JOB_CODE), { headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.json().then(function (body) {
            if (!response.ok) throw new Error(errorDetail(body, "Job not found."));
            return body;
          });
        })
        .then(function (job) {
          state.jobId = job.id;
          setText("job-fixed", "Job: " + jobLabel(job));
        })
        .catch(function (error) {
          setText("job-fixed", "The job of this link could not be loaded: " + error.message);
        });
      return;
    }
    fetch("/jobs?status=active&limit=100", { headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.json().then(function (body) {
          if (!response.ok) throw new Error(errorDetail(body, "Jobs could not be loaded."));
          return body;
        });
      })
      .then(function (jobs) {
        var select = $("job");
        select.textContent = "";
        var prompt = document.createElement("option");
        prompt.value = "";
        prompt.textContent = jobs.length ? "Choose a job…" : "No open jobs yet";
        select.appendChild(prompt);
        jobs.forEach(function (job) {
          var option = document.createElement("option");
          option.value = job.id;
          option.textContent = jobLabel(job);
          select.appendChild(option);
        });
      })
      .catch(function (error) {
        setText("setup-error", error.message);
      });
  }

  function readResumeFile() {
    var file = $("resume-file").files[0];
    state.resume = "";
    setText("file-status", "");
    if (!file) return;
    if (file.size > MAX_UPLOAD_BYTES) {
      setText("file-status", "This file is larger than the upload limit.");
      $("resume-file").value = "";
      return;
    }
    var reader = new FileReader();
    var isText = /\.txt$/i.test(file.name) || file.type === "text/plain";
    reader.onload = function () {
      state.resume = reader.result;
      setText("file-status", "Using " + file.name + " (" + Math.ceil(file.size / 1024) + " KB).");
    };
    reader.onerror = function () {
      setText("file-status", "The file could not be read.");
    };
    if (isText) reader.readAsText(file);
    else reader.readAsDataURL(file); // PDF/DOCX travel as a data: URL
  }

  function start() {
    setText("setup-error", "");
    state.token = $("token").value.trim();
    if (!JOB_CODE) state.jobId = $("job").value;
    var resume = state.resume || $("resume").value.trim();
    if (!state.token) return setText("setup-error", "Paste your token or create an account first.");
    if (!state.jobId) return setText("setup-error", "Choose a job first.");
    if (!resume) return setText("setup-error", "Paste your resume or choose a file.");
    state.resume = resume;
    state.sessionId = "";
    state.initialized = false;
    state.finished = false;
    state.stopped = false;
    state.question = 0;
    state.pendingAnswer = "";
    $("transcript").textContent = "";
    setText("session-id", "—");
    setText("interview-error", "");
    setText("interview-note", "");
    setText("progress-text", "Starting…");
    $("progress-bar").value = 0;
    $("start").disabled = true;
    show("interview", true);
    show("results", false);
    connect();
  }

  // --- 3. the socket --------------------------------------------------------------------

  function socketUrl(ticket) {
    var params = new URLSearchParams({ ticket: ticket });
    if (state.sessionId) params.set("session_id", state.sessionId);
    var scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
    return scheme + "//" + window.location.host + "/ws/ai-interview?" + params.toString();
  }

  function send(frame) {
    if (!state.socket || state.socket.readyState !== WebSocket.OPEN) return false;
    state.socket.send(JSON.stringify(frame));
    return true;
  }

  function retryLater() {
    setConnection("Connection lost; reconnecting…", false);
    state.retryTimer = setTimeout(connect, state.retryDelay);
    state.retryDelay = Math.min(state.retryDelay * 2, 5000);
  }

  // Each socket needs a fresh single-use ticket (60 s) bought with the token.
  function connect() {
    clearTimeout(state.retryTimer);
    fetch("/auth/ws-ticket", {
      method: "POST",
      headers: { Authorization: "Token " + state.token, Accept: "application/json" },
    })
      .then(function (response) {
        if (response.status === 401 || response.status === 403) {
          stop(FINAL_CLOSE_CODES[4401]);
          return null;
        }
        if (!response.ok) throw new Error("no ticket");
        return response.json();
      })
      .then(function (body) {
        if (body && !state.stopped) openSocket(body.ticket);
      })
      .catch(function () {
        if (!state.stopped) retryLater();
      });
  }

  function openSocket(ticket) {
    var socket = new WebSocket(socketUrl(ticket));
    state.socket = socket;
    state.connections += 1;
    setConnection(state.connections > 1 ? "Reconnecting…" : "Connecting…", false);
    socket.onopen = function () {
      if (socket !== state.socket) return;
      state.retryDelay = 500;
      setConnection("Connected", true);
      clearInterval(state.pingTimer);
      state.pingTimer = setInterval(function () {
        send({ type: "ping" });
      }, 25000);
    };
    socket.onmessage = function (event) {
      if (socket !== state.socket) return;
      var frame;
      try {
        frame = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      handle(frame);
    };
    socket.onclose = function (event) {
      if (socket !== state.socket) return; // an old socket we replaced
      state.socket = null;
      clearInterval(state.pingTimer);
      setAnswering(false);
      if (state.finished) {
        setConnection("Finished", true);
        return;
      }
      if (state.stopped || FINAL_CLOSE_CODES[event.code]) {
        setConnection("Disconnected", false);
        if (!state.stopped) stop(FINAL_CLOSE_CODES[event.code] || "The connection was closed.");
        return;
      }
      retryLater();
    };
  }

  function stop(message) {
    state.stopped = true;
    setText("interview-error", message);
    setAnswering(false);
    $("start").disabled = false;
    if (!state.initialized) {
      // Nothing was stored: let the candidate fix the setup and start again.
      show("interview", false);
      setText("setup-error", message);
    }
    closeOnPurpose();
  }

  function closeOnPurpose() {
    var socket = state.socket;
    state.socket = null;
    clearInterval(state.pingTimer);
    if (socket) socket.close(1000);
  }

  function handle(frame) {
    switch (frame.type) {
      case "connection_success":
        state.sessionId = frame.session_id;
        setText("session-id", frame.session_id);
        if (!state.initialized) {
          send({
            type: "initialize_interview",
            data: { job_id: state.jobId, candidate_resume: state.resume },
          });
        } else {
          setText("interview-note", "Reconnected; your interview continues.");
        }
        break;
      case "welcome":
        break;
      case "interview_initialized":
        state.initialized = true;
        setText("progress-text", "Question 1 of " + (frame.total_questions || TOTAL) + " coming…");
        break;
      case "question":
        showQuestion(frame);
        break;
      case "answer_received":
        state.pendingAnswer = "";
        setText("interview-note", frame.message || "Answer received.");
        break;
      case "analysis_started":
        state.initialized = true;
        setAnswering(false);
        setText("progress-text", "All questions answered");
        $("progress-bar").value = TOTAL;
        setText("interview-note", frame.message || "Analysing your interview…");
        break;
      case "interview_completed":
        showResults(frame);
        break;
      case "error":
        onError(frame);
        break;
      default:
        break; // pong and anything new: nothing to show
    }
  }

  function showQuestion(frame) {
    state.initialized = true;
    var number = frame.question_number;
    var total = frame.total_questions || TOTAL;
    if (number === state.question) {
      // Sent again after a reconnect: the last answer, if any, did not reach the server.
      if (state.pendingAnswer) {
        $("answer").value = state.pendingAnswer;
        state.pendingAnswer = "";
        var last = $("transcript").lastElementChild;
        if (last && last.classList.contains("answer")) last.remove();
        setText("interview-note", "Your last answer did not reach the server; please send it again.");
      }
    } else {
      state.question = number;
      state.pendingAnswer = "";
      var li = document.createElement("li");
      li.className = "question";
      li.dataset.number = number;
      var who = document.createElement("span");
      who.className = "who";
      who.textContent = "Question " + number + " of " + total;
      var text = document.createElement("span");
      text.className = "text";
      text.textContent = frame.question;
      li.appendChild(who);
      li.appendChild(text);
      $("transcript").appendChild(li);
      $("answer").value = "";
    }
    setText("progress-text", "Question " + number + " of " + total);
    $("progress-bar").max = total;
    $("progress-bar").value = number - 1;
    state.awaitingAnswer = true;
    setAnswering(true);
  }

  function submitAnswer(event) {
    event.preventDefault();
    var answer = $("answer").value.trim();
    if (!answer || !state.awaitingAnswer) return;
    if (!send({ type: "submit_answer", answer: answer })) {
      setText("interview-note", "Not connected yet; send your answer again in a moment.");
      return;
    }
    state.awaitingAnswer = false;
    state.pendingAnswer = answer;
    var li = document.createElement("li");
    li.className = "answer";
    var who = document.createElement("span");
    who.className = "who";
    who.textContent = "Your answer";
    li.appendChild(who);
    li.appendChild(document.createTextNode(answer));
    $("transcript").appendChild(li);
    $("answer").value = "";
    $("progress-bar").value = state.question;
    setAnswering(false);
    setText("interview-note", "Sending…");
  }

  function endInterview() {
    if (!window.confirm("End the interview now? Your answers so far will be analysed.")) return;
    send({ type: "end_interview" });
    state.awaitingAnswer = false;
    setAnswering(false);
  }

  function onError(frame) {
    var code = frame.code || "";
    if (FINAL_ERROR_CODES[code]) return stop(frame.message);
    if (code === "already_initialized") return; // a reconnect raced the first init
    if (!state.initialized) return stop(frame.message); // bad job, unreadable resume…
    setText("interview-error", frame.message);
    if (state.awaitingAnswer) setAnswering(true);
  }

  function showResults(frame) {
    state.finished = true;
    state.awaitingAnswer = false;
    setAnswering(false);
    var analysis = frame.analysis || {};
    setText("completion-message", frame.message);
    setText("recommendation", RECOMMENDATIONS[analysis.recommendation] || analysis.recommendation || "—");
    var body = $("scores").tBodies[0];
    body.textContent = "";
    SCORES.forEach(function (pair) {
      var row = body.insertRow();
      var th = document.createElement("th");
      th.scope = "row";
      th.textContent = pair[1];
      row.appendChild(th);
      var value = analysis[pair[0]];
      row.insertCell().textContent = typeof value === "number" ? value.toFixed(1) : "—";
      row.dataset.score = pair[0];
    });
    fillList("strengths", analysis.strengths);
    fillList("areas", analysis.areas_for_improvement);
    setText("feedback", analysis.overall_feedback);
    setText("progress-text", "Interview complete");
    $("progress-bar").value = $("progress-bar").max;
    setText("interview-note", "");
    setText("interview-error", "");
    show("results", true);
    $("start").disabled = false;
    closeOnPurpose();
    setConnection("Finished", true);
    $("results").scrollIntoView({ behavior: "smooth" });
  }

  // --- wiring ---------------------------------------------------------------------------

  $("signup").addEventListener("click", signUp);
  $("resume-file").addEventListener("change", readResumeFile);
  $("start").addEventListener("click", start);
  $("answer-form").addEventListener("submit", submitAnswer);
  $("end").addEventListener("click", endInterview);
  $("again").addEventListener("click", function () {
    show("results", false);
    show("interview", false);
    window.scrollTo(0, 0);
  });
  loadToken();
  loadJobs();

  // For tests and debugging: the live socket, the session and how often we connected.
  window.openhireInterview = {
    get socket() {
      return state.socket;
    },
    get sessionId() {
      return state.sessionId;
    },
    get connections() {
      return state.connections;
    },
  };
})();
