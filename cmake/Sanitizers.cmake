# ISMS_SANITIZE=address;undefined (the dev preset) or thread (the tsan preset).
if(ISMS_SANITIZE)
  list(JOIN ISMS_SANITIZE "," _isms_san)
  add_compile_options(-fsanitize=${_isms_san} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${_isms_san})
endif()
if("thread" IN_LIST ISMS_SANITIZE)
  # GCC warns that TSan does not model atomic_thread_fence, which Asio uses; not our code.
  add_compile_options(-Wno-tsan)
endif()
