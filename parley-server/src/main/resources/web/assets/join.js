'use strict';
/* The join page: a student types the code from their slip (or follows a link with it after the #)
   and lands on their seat's page, the code standing in for a join link's token. */

async function join(code) {
  const error = document.getElementById('join-error');
  error.classList.add('hidden');
  const button = document.getElementById('join');
  button.disabled = true;
  try {
    const seat = await api('POST', '/api/join', {code});
    window.location.assign(seat.path);
  } catch (e) {
    error.textContent = e.status === 401 ? 'No seat has this code: check it against your slip.' : e.message;
    error.classList.remove('hidden');
    button.disabled = false;
  }
}

document.addEventListener('DOMContentLoaded', () => {
  const input = document.getElementById('code');
  document.getElementById('join-form').addEventListener('submit', event => {
    event.preventDefault();
    if (input.value.trim()) join(input.value.trim());
  });
  const fromLink = window.location.hash.replace(/^#/, '');
  if (fromLink) {
    input.value = decodeURIComponent(fromLink);
    history.replaceState(null, '', window.location.pathname);
    join(input.value);
  } else {
    input.focus();
  }
});
